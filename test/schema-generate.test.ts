import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { generateSearchMigrations, migrationFile, pgSearchIndexSql, sqliteSearchIndexSql } from "../lib/db/search-index-sql";
import { RESOURCES } from "../lib/resources/registry";
import { searchIndexSpecs } from "../scripts/generate-search-migrations";

/**
 * The tables are described once (lib/db/schema/tables.ts) and built per
 * database; the committed migrations must be exactly what drizzle-kit and the
 * search-index generator make of them, so `npm run db:generate` on a clean
 * tree changes nothing.
 */

const temps: string[] = [];
after(() => temps.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-drizzle-"));
  temps.push(dir);
  fs.cpSync("drizzle", dir, { recursive: true });
  return dir;
}

/** Every file under `dir` with its content, by relative path. */
function tree(dir: string): Map<string, string> {
  const files = fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
  return new Map(files.sort().map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
}

const run = (root: string, command: string, args: string[]) =>
  execFileSync(command, args, { env: { ...process.env, DRIZZLE_MIGRATIONS_DIR: root }, stdio: "pipe", encoding: "utf8" });

describe("npm run db:generate", () => {
  it("on a clean tree adds and changes no migration or snapshot, for either database", () => {
    const root = copyOfMigrations();
    const output = run(root, "npm", ["run", "--silent", "db:generate"]);
    // drizzle-kit exits 0 even when it fails to read the folder: it must have compared.
    assert.equal(output.match(/No schema changes/g)?.length, 2, output);
    assert.deepEqual(tree(root), tree("drizzle"));
  });

  it("notices tables that differ from the migrations (the check above can fail)", () => {
    const root = copyOfMigrations();
    const folder = path.join(root, "sqlite");
    const journalFile = path.join(folder, "meta", "_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
    // Back to and including the last migration drizzle-kit wrote: search-index ones come after the table they index.
    const searchIndexes = new Set(searchIndexSpecs(RESOURCES).map((s) => s.index));
    let removed;
    do {
      removed = journal.entries.pop()!;
      fs.rmSync(path.join(folder, `${removed.tag}.sql`));
      fs.rmSync(path.join(folder, "meta", `${String(removed.idx).padStart(4, "0")}_snapshot.json`));
    } while (searchIndexes.has(removed.tag.replace(/^\d+_/, "")));
    fs.writeFileSync(journalFile, JSON.stringify(journal, null, 2));
    run(root, "npm", ["run", "--silent", "db:generate"]);
    assert.equal(tree(root).size, tree("drizzle").size, "the missing migrations are made again");
  });
});

describe("search-index migrations", () => {
  const specs = searchIndexSpecs(RESOURCES);

  it("are read from every resource with a searchIndex, its search fields as columns", () => {
    assert.deepEqual(specs, [
      { index: "items_search", table: "items", id: "id", columns: ["name", "category"] },
      { index: "suppliers_search", table: "suppliers", id: "id", columns: ["name", "contact_email"] },
    ]);
  });

  it("committed for items are exactly the generator's output, on both databases", () => {
    assert.equal(fs.readFileSync(migrationFile("drizzle/sqlite", "items_search")!, "utf8"), sqliteSearchIndexSql(specs[0]!));
    assert.equal(fs.readFileSync(migrationFile("drizzle/postgres", "items_search")!, "utf8"), pgSearchIndexSql(specs[0]!));
  });

  it("are written, journaled and applied for a new search index, once", () => {
    const root = copyOfMigrations();
    const spec = { index: "items_description_search", table: "items", id: "id", columns: ["description"] };
    const lines: string[] = [];
    // The next number in each journal (schema changes move it on).
    const next = (dialect: string) => String(JSON.parse(fs.readFileSync(path.join(root, dialect, "meta/_journal.json"), "utf8")).entries.length).padStart(4, "0");
    const expected = [`postgres/${next("postgres")}_items_description_search.sql`, `sqlite/${next("sqlite")}_items_description_search.sql`];
    const first = generateSearchMigrations(root, [spec], (line) => lines.push(line));
    assert.deepEqual(first.written.map((f) => path.relative(root, f)).sort(), expected);
    assert.equal(fs.readFileSync(first.written[0]!, "utf8"), sqliteSearchIndexSql(spec));
    assert.equal(fs.readFileSync(first.written[1]!, "utf8"), pgSearchIndexSql(spec));
    const again = generateSearchMigrations(root, [spec], () => undefined);
    assert.deepEqual(again, { written: [], stale: [] });

    const client = new Database(":memory:");
    migrate(drizzle({ client }), { migrationsFolder: path.join(root, "sqlite") });
    client.prepare("insert into items (name, category, description) values ('Lamp', 'home', 'a brass reading lamp')").run();
    const hits = client.prepare("select rowid from items_description_search where items_description_search match '\"ading\"'").all();
    client.close();
    assert.equal(hits.length, 1, "the trigger indexed the new row");
  });

  it("report a committed one that no longer matches its resource", () => {
    const root = copyOfMigrations();
    const changed = { ...specs[0]!, columns: ["name"] };
    const result = generateSearchMigrations(root, [changed], () => undefined);
    assert.deepEqual(result.written, []);
    assert.equal(result.stale.length, 2);
  });
});
