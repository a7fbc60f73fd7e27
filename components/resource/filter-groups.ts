import type { ActiveFilter, ListQuery } from "@/lib/resources/engine/params";
import { DATE_PRESETS, presetRange, type DatePreset } from "@/lib/resources/engine/param-values";
import { loadedTimeZone } from "@/lib/time-zone";
import { allOptions, labelsFor } from "@/lib/resources/panel";
import { mayAct } from "@/lib/permissions";
import { optionLabel } from "@/lib/resources/localize";
import { getResource } from "@/lib/resources/registry";
import type { Viewer } from "@/lib/resources/scope";
import type { FilterDef, Resource } from "@/lib/resources/types";
import { translator } from "@/lib/i18n/translator";

/** What the filter sidebar shows for each filter: its one-click choices, and the small form where a click cannot choose. */

type Words = Awaited<ReturnType<typeof filterWords>>;

async function filterWords() {
  const t = await translator("filters");
  return {
    all: t("all"),
    anyDate: t("anyDate"),
    yes: t("yes"),
    no: t("no"),
    presets: { today: t("presets.today"), "7d": t("presets.7d"), month: t("presets.month"), year: t("presets.year") } satisfies Record<DatePreset, string>,
  };
}

/** A reference whose target holds at most this many rows (that the viewer may see) is offered as links; a larger one keeps the picker. */
export const FEW_REFERENCES = 10;

export interface Choice {
  key: string;
  label: string;
  /** The filter this choice puts in place of the current one; null for All. */
  filter: ActiveFilter | null;
  current: boolean;
  /** The label is a record's title (data, translate="no"), not a word of the panel. */
  data?: boolean;
}

export interface FilterGroup {
  def: FilterDef;
  label: string;
  choices: Choice[];
  form?: "range" | "date" | "picker";
  money: boolean;
  lookup?: string;
  refLabel?: string;
}

function choice(key: string, label: string, filter: ActiveFilter | null, current: boolean): Choice {
  return { key, label, filter, current };
}

async function referenceGroup(resource: Resource, def: FilterDef, group: FilterGroup, active: ActiveFilter | undefined, viewer: Viewer, words: Words): Promise<FilterGroup | null> {
  const field = resource.fieldMap.get(def.field)!;
  const targetName = field.reference?.resource ?? field.many?.resource;
  const target = targetName ? getResource(targetName) : undefined;
  // A reference filter looks up the other resource: only for those who may view it.
  if (!target || !mayAct(viewer.access, target, "view")) return null;
  const current = active?.kind === "reference" ? String(active.value) : undefined;
  // One query, bounded: FEW_REFERENCES + 1 rows tell "few" from "many".
  const options = await allOptions(target.name, FEW_REFERENCES + 1, viewer);
  if (options.length <= FEW_REFERENCES) {
    if (!options.length && current === undefined) return null;
    const links = options.map((o) => ({ ...choice(String(o.id), o.label, { def, kind: "reference", value: o.id }, current === String(o.id)), data: true }));
    return { ...group, choices: [choice("", words.all, null, current === undefined), ...links] };
  }
  const refLabel = current !== undefined && active?.kind === "reference" ? (await labelsFor(target.name, [active.value], viewer)).get(active.value) : undefined;
  return { ...group, form: "picker", lookup: `/admin/${resource.name}/lookup?field=${encodeURIComponent(field.key)}`, refLabel };
}

function groupFor(resource: Resource, def: FilterDef, active: ActiveFilter | undefined, viewer: Viewer, words: Words): FilterGroup | null | Promise<FilterGroup | null> {
  const field = resource.fieldMap.get(def.field)!;
  const group: FilterGroup = { def, label: def.label ?? field.label, choices: [], money: field.type === "money" };
  switch (def.type) {
    case "enum": {
      const chosen = active?.kind === "enum" ? active.values : [];
      const links = (field.options ?? []).map((o) => choice(o, optionLabel(field, o), { def, kind: "enum", values: [o] }, chosen.includes(o)));
      return { ...group, choices: [choice("", words.all, null, !active), ...links] };
    }
    case "boolean": {
      const value = active?.kind === "boolean" ? active.value : undefined;
      const yesNo = ([true, false] as const).map((v) => choice(String(v), v ? words.yes : words.no, { def, kind: "boolean", value: v }, value === v));
      return { ...group, choices: [choice("", words.all, null, value === undefined), ...yesNo] };
    }
    case "date-range": {
      const preset = active?.kind === "date-range" ? active.preset : undefined;
      const quick = DATE_PRESETS.map((p) => choice(p, words.presets[p], { def, kind: "date-range", ...presetRange(p, new Date(), loadedTimeZone()), preset: p }, preset === p));
      return { ...group, choices: [choice("", words.anyDate, null, !active), ...quick], form: "date" };
    }
    case "range":
      return { ...group, form: "range" };
    case "reference":
      return referenceGroup(resource, def, group, active, viewer, words);
  }
}

/** The sidebar's groups, in the resource's filter order. */
export async function filterGroups(resource: Resource, query: ListQuery, viewer: Viewer): Promise<FilterGroup[]> {
  const active = new Map(query.filters.map((f) => [f.def.param, f]));
  const words = await filterWords();
  const groups = await Promise.all((resource.filters ?? []).map((def) => groupFor(resource, def, active.get(def.param), viewer, words)));
  return groups.filter((g): g is FilterGroup => g !== null);
}
