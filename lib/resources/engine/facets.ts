import { ownerScope, type Viewer } from "../scope";
import type { Resource } from "../types";
import type { ActiveFilter, ListQuery } from "./params";
import { boundedCount, searchPlan } from "./plan";
import { buildWhere } from "./query";

/**
 * Counts for the filter sidebar's choices, as Django 5's facets: for each
 * choice, how many rows the list would hold with that choice in place of its
 * filter's current one (the search and the other filters kept). Only on
 * request (`facets=1`), so the default list page costs nothing more; each
 * count stops at FACET_CAP + 1 rows ("1,000+"), so one costs at most that
 * many rows read, and only rows the viewer may view are counted (scope.ts).
 */
export const FACET_CAP = 1_000;

export interface FacetChoice {
  /** The filter's URL parameter (its def.param). */
  param: string;
  /** Names the choice within its filter ("books", "true", "7d", "" for All). */
  key: string;
  /** The filter in place of the current one; null clears it (the "All" choice). */
  filter: ActiveFilter | null;
}

export interface FacetCount {
  /** Exact up to FACET_CAP. */
  count: number;
  /** More than FACET_CAP rows. */
  capped: boolean;
}

export const facetKey = (param: string, key: string) => `${param}=${key}`;

export function boundFacet(n: number, cap: number = FACET_CAP): FacetCount {
  return { count: Math.min(n, cap), capped: n > cap };
}

/** The bounded count of every choice, keyed by facetKey(param, key). */
export async function facetCounts(resource: Resource, query: ListQuery, viewer: Viewer | null | undefined, choices: FacetChoice[]): Promise<Map<string, FacetCount>> {
  const owned = ownerScope(resource, viewer, "view");
  const { mode } = await searchPlan(resource, query, !!owned);
  const counted = await Promise.all(
    choices.map(async (c) => {
      const filters = [...query.filters.filter((f) => f.def.param !== c.param), ...(c.filter ? [c.filter] : [])];
      const n = await boundedCount(resource, buildWhere(resource, { q: query.q, filters }, mode, undefined, owned), FACET_CAP);
      return [facetKey(c.param, c.key), boundFacet(n)] as const;
    }),
  );
  return new Map(counted);
}
