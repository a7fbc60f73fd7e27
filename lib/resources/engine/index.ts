import type { Action } from "../../permissions";
import type { Viewer } from "../scope";
import type { Editor, Resource } from "../types";
import { engineContext, type Actor, type EngineDeps } from "./context";
import type { RowId } from "./ids";
import { allOptions, findByLabel, labelsFor, lookupOptions } from "./labels";
import type { ListQuery } from "./params";
import { listRows, matchingIds } from "./queries";
import { getRecord } from "./record";
import { relatedSections } from "./related";
import { deleteEffects } from "./delete-effects";
import { runBulk } from "./write/bulk";
import { deleteRows } from "./write/delete";
import { save, type OperatorOptions } from "./write/save";
import { setField } from "./write/set-field";

/**
 * The engine, given its resources and its audit log (see context.ts). The
 * composition root (lib/resources/panel.ts) makes the one the app uses; tests
 * may make their own. Writes all go through write/pipeline.ts.
 */
export function createEngine(deps: EngineDeps) {
  const ctx = engineContext(deps);
  const { registry } = ctx;
  return {
    registry,
    /** The same engine over other deps (the CLI's and seed's database). */
    with: (overrides: Partial<EngineDeps>) => createEngine({ ...deps, ...overrides }),
    createRecord: (resource: Resource, actor: Actor, editor: Editor | null, values: Record<string, unknown>, options?: OperatorOptions) => save(ctx, resource, actor, editor, null, values, null, options),
    /** `version`: the record's version the form was read at (see engine/version.ts). */
    updateRecord: (resource: Resource, actor: Actor, editor: Editor | null, id: RowId, values: Record<string, unknown>, version: string | null, options?: OperatorOptions) => save(ctx, resource, actor, editor, id, values, version, options),
    deleteRecords: (resource: Resource, actor: Actor, editor: Editor | null, ids: RowId[]) => deleteRows(ctx, resource, actor, editor, ids),
    runBulkAction: (resource: Resource, actor: Actor, editor: Editor | null, name: string, ids: RowId[]) => runBulk(ctx, resource, actor, editor, name, ids),
    setFieldOnRecords: (resource: Resource, actor: Actor, editor: Editor | null, key: string, value: unknown, ids: RowId[]) => setField(ctx, resource, actor, editor, key, value, ids),
    getRecord: (resource: Resource, id: RowId, viewer?: Viewer | null, action?: Action) => getRecord(registry, resource, id, viewer, action),
    listRows: (resource: Resource, query: ListQuery, viewer?: Viewer | null) => listRows(registry, resource, query, viewer),
    /** Every row of a list query `editor` may `action` (at most `cap`, else null): a bulk action's "all matching". */
    matchingIds: (resource: Resource, query: ListQuery, editor: Viewer, action: Action, cap: number) => matchingIds(resource, query, editor, action, cap),
    labelsFor: (resourceName: string, ids: RowId[], viewer?: Viewer | null) => labelsFor(registry, resourceName, ids, viewer),
    lookupOptions: (resourceName: string, q: string, limit?: number, viewer?: Viewer | null) => lookupOptions(registry, resourceName, q, limit, viewer),
    findByLabel: (resourceName: string, text: string, viewer?: Viewer | null) => findByLabel(registry, resourceName, text, viewer),
    allOptions: (resourceName: string, cap?: number, viewer?: Viewer | null) => allOptions(registry, resourceName, cap, viewer),
    relatedSections: (resource: Resource, id: RowId, viewer: Viewer, local?: (r: Resource) => Resource) => relatedSections(registry, resource, id, viewer, local),
    /** What else deleting record `id` changes (see delete-effects.ts). */
    deleteEffects: (resource: Resource, id: RowId, viewer: Viewer) => deleteEffects(ctx, resource, id, viewer),
  };
}

export type Engine = ReturnType<typeof createEngine>;
export type { Actor, AuditPort, EngineDeps } from "./context";
export type { WriteResult } from "./write/result";
export type { OperatorOptions } from "./write/save";
