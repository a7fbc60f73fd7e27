import { and, asc, count, eq, sql, type Column, type SQL, type Table } from "drizzle-orm";
import { mayAct } from "../../permissions";
import { resourceFor, type Viewer } from "../scope";
import { tableMeta } from "../table-meta";
import type { Resource } from "../types";
import type { EngineContext } from "./context";
import type { RowId } from "./ids";
import { COUNT_CAP } from "./rows";
import { rowScope } from "./targets";
import { targetId } from "./references";
import { sqlColumn, sqlFields, sqlTable } from "../../db/query-tables";

/**
 * What else a delete touches, for the delete confirmation page (Django's
 * "the following related objects will be…"): for every registered field that
 * points at the resource, the rows that point at this record and what the
 * database's ON DELETE rule (read from the schema) does to them. Counts are of
 * every such row, bounded by COUNT_CAP; names only of rows the viewer may
 * view, at most EFFECT_NAMES, and only when they may see the title field.
 */

export const EFFECT_NAMES = 10;

/** cleared: set null; deleted: cascade; reset: set default; unlinked: a many-to-many link goes; blocks: the database refuses. */
export type EffectKind = "cleared" | "deleted" | "reset" | "unlinked" | "blocks";

export interface DeleteEffect {
  /** The resource whose rows are affected (`items`), its names for the sentence. */
  resource: string;
  singular: string;
  label: string;
  /** The field that points here ("Owner"). */
  field: string;
  kind: EffectKind;
  count: number;
  capped: boolean;
  names: { id: RowId; title: string; href: string }[];
}

function kindOf(rule: string | undefined, many: boolean): EffectKind {
  if (rule === "cascade") return many ? "unlinked" : "deleted";
  if (rule === "set null") return "cleared";
  if (rule === "set default") return "reset";
  return "blocks";
}

const ruleOf = (table: Table, column: Column) => tableMeta(table).columns.find((c) => c.column === column);

export async function deleteEffects(ctx: EngineContext, resource: Resource, id: RowId, viewer: Viewer): Promise<DeleteEffect[]> {
  const db = ctx.db();
  const out: DeleteEffect[] = [];
  for (const other of ctx.registry.all) {
    const seen = resourceFor(other, viewer.access);
    // Names only for a viewer who may view those rows and their titles.
    const named = mayAct(viewer.access, other, "view") && seen.fields.some((f) => f.column === other.title);
    for (const field of other.fields) {
      let from: Table, where: SQL, join: { table: Table; on: SQL } | undefined, kind: EffectKind;
      if (field.type === "reference" && field.reference?.resource === resource.name && field.column) {
        const meta = ruleOf(other.table, field.column);
        if (!meta?.references) continue; // no foreign key: the database leaves those rows alone
        from = other.table;
        where = eq(field.column, targetId(ctx.registry, resource.name, id));
        kind = kindOf(meta.onDelete, false);
      } else if (field.type === "many" && field.many?.resource === resource.name) {
        const meta = ruleOf(field.many.through, field.many.right);
        if (!meta?.references) continue;
        from = field.many.through;
        where = eq(field.many.right, id);
        join = { table: other.table, on: eq(other.id, field.many.left) };
        kind = kindOf(meta.onDelete, true);
      } else continue;
      const inner = db.select({ one: sql`1` }).from(sqlTable(from)).where(where).limit(COUNT_CAP + 1).as("affected");
      const [row] = await db.select({ n: count() }).from(inner);
      const total = Number(row?.n ?? 0);
      if (total === 0) continue;
      let names: DeleteEffect["names"] = [];
      if (named) {
        const base = db.select(sqlFields({ id: other.id, title: other.title })).from(sqlTable(join ? join.table : other.table));
        const joined = join ? base.innerJoin(sqlTable(from), join.on) : base;
        const rows = (await joined
          .where(and(where, rowScope(other, viewer, "view")))
          .orderBy(asc(sqlColumn(other.title)), asc(sqlColumn(other.id)))
          .limit(EFFECT_NAMES)) as { id: RowId; title: unknown }[];
        names = rows.map((r) => ({ id: r.id, title: String(r.title ?? r.id), href: `/admin/${other.name}/${encodeURIComponent(String(r.id))}` }));
      }
      out.push({ resource: other.name, singular: other.singular, label: other.label, field: field.label, kind, count: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP, names });
    }
  }
  return out;
}
