import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { getTableName } from "drizzle-orm";
import ts from "typescript";
import { runCli } from "../lib/cli/program";
import { addResource } from "../lib/cli/resource-command";
import { recoveryCodes } from "../lib/db/schema";
import type { Resource } from "../lib/resources/types";

const REPO = path.resolve(import.meta.dirname, "..");
const DEF = "lib/resources/defs/recovery-codes.ts";
const REGISTRY = "lib/resources/registry.ts";

/**
 * A project directory holding a copy of the registry and, as links into this
 * checkout, what a definition imports: the scaffold writes into the copy, and
 * the file it writes resolves its imports as it would in the project.
 */
function tempProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-scaffold-"));
  fs.mkdirSync(path.join(root, "lib/resources/defs"), { recursive: true });
  // lib/db/schema is a folder of links, so that a test can add a table file of its own beside them.
  fs.mkdirSync(path.join(root, "lib/db/schema"), { recursive: true });
  for (const entry of fs.readdirSync(path.join(REPO, "lib/db"))) if (entry !== "schema") fs.symlinkSync(path.join(REPO, "lib/db", entry), path.join(root, "lib/db", entry));
  for (const file of fs.readdirSync(path.join(REPO, "lib/db/schema"))) fs.symlinkSync(path.join(REPO, "lib/db/schema", file), path.join(root, "lib/db/schema", file));
  for (const file of ["define.ts", "derive.ts", "types.ts"]) fs.symlinkSync(path.join(REPO, "lib/resources", file), path.join(root, "lib/resources", file));
  for (const file of fs.readdirSync(path.join(REPO, "lib/resources/defs"))) fs.symlinkSync(path.join(REPO, "lib/resources/defs", file), path.join(root, "lib/resources/defs", file));
  fs.copyFileSync(path.join(REPO, REGISTRY), path.join(root, REGISTRY));
  // A table description written into the project imports drizzle-orm from there.
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(root, "node_modules"));
  return root;
}

/** Type errors of `source` checked as if it were `file` in this checkout (the file itself is not written here). */
function typeErrors(file: string, source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const options = { ...config.options, incremental: false, noEmit: true };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile } = host;
  host.fileExists = (f) => f === file || fileExists(f);
  host.readFile = (f) => (f === file ? source : readFile(f));
  return ts.getPreEmitDiagnostics(ts.createProgram([file], options, host)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("gatehouse resource add", () => {
  let root: string;
  let out: string[];
  let err: string[];
  const cwd = process.cwd();
  const run = (...argv: string[]) => {
    out = [];
    err = [];
    return runCli(argv, async () => assert.fail("needs no database"), { out: (l) => out.push(l), err: (l) => err.push(l), readPassword: async () => "" });
  };
  const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

  before(() => {
    root = tempProject();
    process.chdir(root);
  });
  after(() => {
    process.chdir(cwd);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("writes a derived definition and its registry line, and says what to review", async () => {
    assert.equal(await run("resource", "add", "recoveryCodes"), 0, err.join("\n"));
    assert.match(out[0]!, /Wrote lib\/resources\/defs\/recovery-codes\.ts and added recoveryCodesResource/);
    for (const topic of ["labels", "fields", "permissions", "search"]) assert.ok(out.some((l) => l.startsWith(`  - ${topic}:`)), topic);
    assert.match(read(DEF), /deriveResource\(recoveryCodes, \{\n {4}omit: \["codeHash"\],/);
    assert.match(read(DEF), /user \(userId\): "User", reference → users, required/, "derived fields listed for review");
    assert.match(read(REGISTRY), /^import \{ recoveryCodesResource \} from "\.\/defs\/recovery-codes";$/m);
    assert.match(read(REGISTRY), /suppliersResource, recoveryCodesResource\];/);
  });

  it("the definition it writes loads, registers and typechecks", async () => {
    const { recoveryCodesResource: resource } = (await import(pathToFileURL(path.join(root, DEF)).href)) as { recoveryCodesResource: Resource };
    assert.equal(resource.name, "recovery-codes");
    assert.equal(getTableName(resource.table), getTableName(recoveryCodes));
    assert.deepEqual(resource.fields.map((f) => f.key), ["user", "usedAt"], "the hash is omitted");
    const { getResource } = (await import(pathToFileURL(path.join(root, REGISTRY)).href)) as { getResource: (n: string) => Resource | undefined };
    assert.equal(getResource("recovery-codes"), resource);
    assert.deepEqual(typeErrors(path.join(REPO, DEF), read(DEF)), []);
  });

  it("refuses to overwrite a definition, and changes nothing", async () => {
    const [def, registry] = [read(DEF), read(REGISTRY)];
    assert.equal(await run("resource", "add", "recovery_codes"), 1);
    assert.match(err.join("\n"), /recovery-codes\.ts already exists; nothing was changed/);
    assert.deepEqual([read(DEF), read(REGISTRY)], [def, registry]);
  });

  it("refuses a table that already has a resource, or has no single id column", async () => {
    assert.equal(await run("resource", "add", "items"), 1);
    assert.match(err.join("\n"), /already registered, as the resource items/);
    assert.equal(await run("resource", "add", "accounts"), 1);
    assert.match(err.join("\n"), /no single-column primary key/);
    assert.equal(fs.existsSync(path.join(root, "lib/resources/defs/accounts.ts")), false);
  });

  it("tells how to describe a table that neither the project nor the database has", async () => {
    assert.equal(await run("resource", "add", "vendors"), 1);
    assert.match(err.join("\n"), /No table vendors is exported from lib\/db\/schema\.ts or a file in lib\/db\/schema, and the database DATABASE_URL names has none/);
    assert.match(err.join("\n"), /Describe it in its own file there .* or create it in that database/);
  });

  it("finds a table described in its own file in lib/db/schema, and the definition imports it from there", async () => {
    fs.writeFileSync(
      path.join(root, "lib/db/schema/vendors.ts"),
      `import { bothDatabases } from "./both";\nexport const { active: vendors, sqlite: vendorsOnSqlite, pg: vendorsOnPg } = bothDatabases((k) => k.table("vendors", { id: k.serialId("id"), name: k.text("name").notNull() }));\n`,
    );
    assert.equal(await run("resource", "add", "vendors"), 0, err.join("\n"));
    const def = read("lib/resources/defs/vendors.ts");
    assert.match(def, /^import \{ vendors \} from "\.\.\/\.\.\/db\/schema\/vendors";$/m);
    assert.match(def, /deriveResource\(vendors, \{\n {4}search: \["name"\],/);
    const { vendorsResource } = (await import(pathToFileURL(path.join(root, "lib/resources/defs/vendors.ts")).href)) as { vendorsResource: Resource };
    assert.deepEqual([vendorsResource.name, vendorsResource.fields.map((f) => f.key)], ["vendors", ["name"]]);
    assert.match(read(REGISTRY), /, vendorsResource\];/);
  });

  it("describes a table only the database has with drizzle-kit's pull, then scaffolds its definition", async () => {
    const file = path.join(root, "app.db");
    const client = new Database(file);
    client.exec("CREATE TABLE invoices (id integer PRIMARY KEY AUTOINCREMENT, number text NOT NULL, amount integer NOT NULL, paid_at integer)");
    client.close();
    out = [];
    await addResource("invoices", root, (l) => out.push(l), `file:${file}`);
    const schema = read("lib/db/schema/invoices.ts");
    assert.match(schema, /^export const invoices = sqliteTable\("invoices", \{$/m);
    assert.deepEqual(typeErrors(path.join(REPO, "lib/db/schema/invoices.ts"), schema), [], "the pulled description typechecks");
    assert.match(out[0]!, /Described the table invoices from the database in lib\/db\/schema\/invoices\.ts/);
    assert.ok(out.some((l) => l.startsWith("  - description:") && l.includes("sqliteTable")));
    assert.ok(out.some((l) => l.startsWith("  - migrations:") && l.includes("CREATE TABLE IF NOT EXISTS")));
    assert.match(read("lib/resources/defs/invoices.ts"), /^import \{ invoices \} from "\.\.\/\.\.\/db\/schema\/invoices";$/m);
    const { invoicesResource } = (await import(pathToFileURL(path.join(root, "lib/resources/defs/invoices.ts")).href)) as { invoicesResource: Resource };
    assert.deepEqual([invoicesResource.name, invoicesResource.fields.map((f) => f.key)], ["invoices", ["number", "amount", "paidAt"]]);
    assert.match(read(REGISTRY), /, invoicesResource\];/);
  });

  it("changes nothing for a table neither described nor in the database", async () => {
    const registry = read(REGISTRY);
    await assert.rejects(addResource("payments", root, () => {}, `file:${path.join(root, "app.db")}`), /No table payments .* the database DATABASE_URL names has none/);
    assert.equal(fs.existsSync(path.join(root, "lib/db/schema/payments.ts")), false);
    assert.equal(read(REGISTRY), registry);
  });

  it("removes the description it pulled when the table cannot be registered", async () => {
    const file = path.join(root, "app.db");
    const client = new Database(file);
    client.exec("CREATE TABLE pairs (a integer NOT NULL, b integer NOT NULL, PRIMARY KEY (a, b))");
    client.close();
    const registry = read(REGISTRY);
    await assert.rejects(addResource("pairs", root, () => {}, `file:${file}`), /no single-column primary key/);
    assert.equal(fs.existsSync(path.join(root, "lib/db/schema/pairs.ts")), false);
    assert.equal(read(REGISTRY), registry);
  });
});
