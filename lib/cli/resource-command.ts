import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { getTableName, is, Table } from "drizzle-orm";
import * as schema from "../db/schema";
import { UserFacingError } from "../errors";
import { RESOURCES } from "../resources/registry";
import { kebabCase } from "../resources/words";
import { addToRegistry, scaffoldDefinition, type Scaffold } from "./scaffold";

const DEFS = "lib/resources/defs";
const REGISTRY = "lib/resources/registry.ts";

const NOT_DESCRIBED = (name: string) =>
  `No table ${name} is exported from lib/db/schema.ts. Describe it in lib/db/schema and run npm run db:generate, then run this again. ` +
  `For a table that so far exists only in the database, drizzle-kit writes its description for you to start from: ` +
  `npx drizzle-kit pull --dialect postgresql --url "$DATABASE_URL" --tablesFilter ${name} --out drizzle/pulled ` +
  `(SQLite: --dialect sqlite --url <database file>), then move the table from drizzle/pulled/schema.ts into lib/db/schema.`;

/** The table exported from lib/db/schema.ts under this name, its SQL name, or that in kebab-case. */
function findTable(name: string): [string, Table] | undefined {
  for (const [exported, value] of Object.entries(schema)) {
    if (!is(value, Table)) continue;
    if ([exported, getTableName(value), kebabCase(getTableName(value))].includes(name)) return [exported, value];
  }
  return undefined;
}

/** The derivation's start-up errors (a table without a single id column) are the user's to act on. */
function scaffoldOrExplain(exported: string, table: Table): Scaffold {
  try {
    return scaffoldDefinition(exported, table);
  } catch (error) {
    throw new UserFacingError(`Cannot register ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Writes the definition for `tableName` under `root` and registers it; refuses to replace anything. */
export function addResource(tableName: string, root: string, out: (line: string) => void): void {
  const found = findTable(tableName);
  if (!found) throw new UserFacingError(NOT_DESCRIBED(tableName));
  const [exported, table] = found;
  const existing = RESOURCES.find((r) => r.table === table);
  if (existing) throw new UserFacingError(`The table ${exported} is already registered, as the resource ${existing.name}.`);
  const scaffold = scaffoldOrExplain(exported, table);
  const file = path.join(DEFS, `${scaffold.name}.ts`);
  if (fs.existsSync(path.join(root, file))) throw new UserFacingError(`${file} already exists; nothing was changed.`);
  const registry = addToRegistry(fs.readFileSync(path.join(root, REGISTRY), "utf8"), scaffold);
  if (!registry) throw new UserFacingError(`${REGISTRY} does not list RESOURCES as expected; nothing was changed.`);
  fs.writeFileSync(path.join(root, file), scaffold.source, { flag: "wx" });
  fs.writeFileSync(path.join(root, REGISTRY), registry);
  out(`Wrote ${file} and added ${scaffold.exportName} to ${REGISTRY}.`);
  out("Review before you ship it:");
  for (const line of scaffold.review) out(`  - ${line}`);
}

/** `gatehouse resource add <table>`; files are written below `root` (the project directory). */
export function registerResourceCommands(program: Command, io: { out: (line: string) => void }, root: () => string = () => process.cwd()): void {
  program
    .command("resource")
    .description("Register database tables as admin resources.")
    .command("add <table>")
    .description("Write lib/resources/defs/<name>.ts for a table exported from lib/db/schema.ts (derived from it) and add it to the registry.")
    .action((table: string) => addResource(table, root(), io.out));
}
