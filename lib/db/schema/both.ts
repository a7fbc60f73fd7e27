import { databaseDialect } from "../../env";
import type { Kit } from "./kit";
import { pgKit } from "./kit-pg";
import { sqliteKit } from "./kit-sqlite";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

/** A description built for each database. */
export interface Built<T> {
  sqlite: T;
  pg: T;
}

/** Gatehouse's own tables (users, roles, audit log…) on each database, for references. */
export const core: Built<typeof sqlite> = { sqlite, pg };

/**
 * Describes a table (or a few) once, in its own file, and builds it for both
 * databases: `active` is the one DATABASE_URL names (what definitions and
 * queries use); `sqlite` and `pg` must be exported too, because drizzle-kit
 * reads every table exported from lib/db/schema/*.ts. `on(x)` picks the same
 * database's build of another description, for `.references()`:
 *
 *   export const { active: suppliers, sqlite: suppliersOnSqlite, pg: suppliersOnPg } =
 *     bothDatabases((k, on) => k.table("suppliers", {
 *       id: k.serialId("id"),
 *       ownerId: k.text("owner_id").references(() => on(core).users.id, { onDelete: "set null" }),
 *     }));
 */
export function bothDatabases<T>(describe: (k: Kit, on: <U>(built: Built<U>) => U) => T): Built<T> & { active: T } {
  const built: Built<T> = { sqlite: describe(sqliteKit, (b) => b.sqlite), pg: describe(pgKit, (b) => b.pg) };
  return { ...built, active: databaseDialect() === "postgres" ? built.pg : built.sqlite };
}
