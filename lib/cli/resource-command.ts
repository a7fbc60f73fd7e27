import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Command } from "commander";
import { getTableName, is, Table } from "drizzle-orm";
import * as schema from "../db/schema";
import { env } from "../env";
import { UserFacingError } from "../errors";
import { RESOURCES } from "../resources/registry";
import { kebabCase } from "../resources/words";
import { pullTable } from "./pull-table";
import { addToRegistry, scaffoldDefinition, type Scaffold } from "./scaffold";

const DEFS = "lib/resources/defs";
const REGISTRY = "lib/resources/registry.ts";
const SCHEMA_DIR = "lib/db/schema";

const NOT_DESCRIBED = (name: string) =>
  `No table ${name} is exported from lib/db/schema.ts or a file in lib/db/schema, and the database DATABASE_URL names has none to describe it from (drizzle-kit pull --tablesFilter ${name}). ` +
  `Describe it in its own file there (see lib/db/schema/both.ts) and run npm run db:generate, or create it in that database, then run this again.`;

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

/**
 * A table only the database has, described by drizzle-kit's pull in
 * lib/db/schema/<name>.ts (the file, relative to `root`), or undefined.
 */
function pullDescription(tableName: string, root: string, databaseUrl: string): { file: string; source: string } | undefined {
  let source: string | undefined;
  try {
    source = pullTable(tableName, databaseUrl, root);
  } catch (error) {
    throw new UserFacingError(`${error instanceof Error ? error.message : String(error)}; nothing was changed.`);
  }
  if (!source) return undefined;
  const file = path.join(SCHEMA_DIR, `${kebabCase(tableName)}.ts`);
  if (fs.existsSync(path.join(root, file))) throw new UserFacingError(`${file} already exists but does not export ${tableName}; nothing was changed.`);
  fs.writeFileSync(path.join(root, file), source, { flag: "wx" });
  return { file, source };
}

const PULLED_REVIEW = (tableName: string, { file, source }: { file: string; source: string }) => [
  `description: ${file} was pulled from the database by drizzle-kit; it is a plain ${source.includes("pgTable(") ? "pgTable (PostgreSQL only)" : "sqliteTable (SQLite only)"}: rewrite it with bothDatabases (see lib/db/schema/both.ts) if the application runs on both`,
  `migrations: drizzle-kit's snapshot does not know ${tableName} yet, so the next npm run db:generate writes a CREATE TABLE for it, which fails on this database (the table exists): in that migration change it to CREATE TABLE IF NOT EXISTS (and its indexes to CREATE INDEX IF NOT EXISTS) before npm run db:migrate`,
];

/** Writes the definition for `found` and registers it; returns the definition's file and scaffold. */
function writeDefinition(found: Found, root: string): { file: string; scaffold: Scaffold } {
  const existing = RESOURCES.find((r) => r.table === found.table);
  if (existing) throw new UserFacingError(`The table ${found.exported} is already registered, as the resource ${existing.name}.`);
  const scaffold = scaffoldOrExplain(found);
  const file = path.join(DEFS, `${scaffold.name}.ts`);
  if (fs.existsSync(path.join(root, file))) throw new UserFacingError(`${file} already exists; nothing was changed.`);
  const registry = addToRegistry(fs.readFileSync(path.join(root, REGISTRY), "utf8"), scaffold);
  if (!registry) throw new UserFacingError(`${REGISTRY} does not list RESOURCES as expected; nothing was changed.`);
  fs.writeFileSync(path.join(root, file), scaffold.source, { flag: "wx" });
  fs.writeFileSync(path.join(root, REGISTRY), registry);
  return { file, scaffold };
}

/**
 * Writes the definition for `tableName` under `root` and registers it, first
 * pulling the table's description from the database when the project has none;
 * refuses to replace anything, and on refusal removes the description it pulled.
 */
export async function addResource(tableName: string, root: string, out: (line: string) => void, databaseUrl: string = env.DATABASE_URL): Promise<void> {
  let found = await findTable(tableName, root);
  const pulled = found ? undefined : pullDescription(tableName, root, databaseUrl);
  if (pulled) found = await findTable(tableName, root);
  try {
    if (!found) throw new UserFacingError(NOT_DESCRIBED(tableName));
    const { file, scaffold } = writeDefinition(found, root);
    if (pulled) out(`Described the table ${tableName} from the database in ${pulled.file}.`);
    out(`Wrote ${file} and added ${scaffold.exportName} to ${REGISTRY}.`);
    out("Review before you ship it:");
    for (const line of [...(pulled ? PULLED_REVIEW(tableName, pulled) : []), ...scaffold.review]) out(`  - ${line}`);
  } catch (error) {
    if (pulled) fs.rmSync(path.join(root, pulled.file), { force: true });
    throw error;
  }
}

/** `gatehouse resource add <table>`; files are written below `root` (the project directory). */
export function registerResourceCommands(program: Command, io: { out: (line: string) => void }, root: () => string = () => process.cwd()): void {
  program
    .command("resource")
    .description("Register database tables as admin resources.")
    .command("add <table>")
    .description("Write lib/resources/defs/<name>.ts for a table exported from lib/db/schema.ts or lib/db/schema/<file>.ts, or else pulled from the database with drizzle-kit (derived from it), and add it to the registry.")
    .action(async (table: string) => addResource(table, root(), io.out));
}
