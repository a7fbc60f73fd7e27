import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Command } from "commander";
import { getTableName, is, Table } from "drizzle-orm";
import * as schema from "../db/schema";
import { UserFacingError } from "../errors";
import { RESOURCES } from "../resources/registry";
import { kebabCase } from "../resources/words";
import { addToRegistry, scaffoldDefinition, type Scaffold } from "./scaffold";

const DEFS = "lib/resources/defs";
const REGISTRY = "lib/resources/registry.ts";
const SCHEMA_DIR = "lib/db/schema";

const NOT_DESCRIBED = (name: string) =>
  `No table ${name} is exported from lib/db/schema.ts or a file in lib/db/schema. Describe it in its own file there (see lib/db/schema/both.ts) and run npm run db:generate, then run this again. ` +
  `For a table that so far exists only in the database, drizzle-kit writes its description for you to start from: ` +
  `npx drizzle-kit pull --dialect postgresql --url "$DATABASE_URL" --tablesFilter ${name} --out drizzle/pulled ` +
  `(SQLite: --dialect sqlite --url <database file>), then move the table from drizzle/pulled/schema.ts into lib/db/schema.`;

interface Found {
  exported: string;
  table: Table;
  /** Where the definition imports it from, relative to lib/resources/defs. */
  from: string;
}

/**
 * The table exported under this name, its SQL name, or that in kebab-case:
 * from lib/db/schema.ts, else from an application's own file in lib/db/schema
 * (described with bothDatabases, so it also exports each database's build:
 * the exact or shortest export name is the one for the active database).
 */
async function findTable(name: string, root: string): Promise<Found | undefined> {
  const modules: [string, Record<string, unknown>][] = [["../../db/schema", schema]];
  const dir = path.join(root, SCHEMA_DIR);
  for (const file of fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []) {
    if (file.endsWith(".ts")) modules.push([`../../db/schema/${file.slice(0, -3)}`, await import(pathToFileURL(path.join(dir, file)).href)]);
  }
  for (const [from, exports] of modules) {
    const matches = Object.entries(exports).filter(([exported, value]) => is(value, Table) && [exported, getTableName(value), kebabCase(getTableName(value))].includes(name));
    const best = matches.find(([exported]) => exported === name) ?? matches.sort(([a], [b]) => a.length - b.length)[0];
    if (best) return { exported: best[0], table: best[1] as Table, from };
  }
  return undefined;
}

/** The derivation's start-up errors (a table without a single id column) are the user's to act on. */
function scaffoldOrExplain({ exported, table, from }: Found): Scaffold {
  try {
    return scaffoldDefinition(exported, table, from);
  } catch (error) {
    throw new UserFacingError(`Cannot register ${error instanceof Error ? error.message : String(error)}.`);
  }
}

/** Writes the definition for `tableName` under `root` and registers it; refuses to replace anything. */
export async function addResource(tableName: string, root: string, out: (line: string) => void): Promise<void> {
  const found = await findTable(tableName, root);
  if (!found) throw new UserFacingError(NOT_DESCRIBED(tableName));
  const existing = RESOURCES.find((r) => r.table === found.table);
  if (existing) throw new UserFacingError(`The table ${found.exported} is already registered, as the resource ${existing.name}.`);
  const scaffold = scaffoldOrExplain(found);
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
    .description("Write lib/resources/defs/<name>.ts for a table exported from lib/db/schema.ts or lib/db/schema/<file>.ts (derived from it) and add it to the registry.")
    .action(async (table: string) => addResource(table, root(), io.out));
}
