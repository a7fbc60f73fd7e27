// The other end of e2e/support/bridge.ts: a worker thread that keeps one
// PostgreSQL connection for the test process's queries and runs the gatehouse
// CLI in-process (its own database handle, opened once), so that a test's
// `queryDb`/`cli` costs a round trip instead of a new Node process each time.
import { parentPort, workerData } from "node:worker_threads";
import pg from "pg";
import { register } from "tsx/esm/api";

const { port, signal } = workerData;
const flag = new Int32Array(signal);

// Values shaped as SQLite returns them (booleans as 1/0, timestamps as epoch
// milliseconds, JSON as compact text), so the same assertions hold on both
// databases. Per client: the CLI's own pool keeps pg's usual parsers.
const parsers = {
  [pg.types.builtins.BOOL]: (v) => (v === "t" ? 1 : 0),
  [pg.types.builtins.INT8]: (v) => Number(v),
  [pg.types.builtins.TIMESTAMPTZ]: (v) => Date.parse(v.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")),
  [pg.types.builtins.JSONB]: (v) => JSON.stringify(JSON.parse(v)),
};
const types = { getTypeParser: (oid, format) => parsers[oid] ?? pg.types.getTypeParser(oid, format) };

let client = null;
async function query({ url, sql, params }) {
  if (!client) {
    client = new pg.Client({ connectionString: url, types });
    await client.connect();
  }
  let n = 0;
  const result = await client.query(sql.replace(/\?/g, () => `$${++n}`), params);
  return result.rows;
}

let cliParts = null;
async function runCli({ args, input }) {
  if (!cliParts) {
    register();
    const [{ runCli: run }, db, { runMigrations }] = await Promise.all([
      import("../../lib/cli/program.ts"),
      import("../../lib/db/index.ts"),
      import("../../lib/db/migrate.ts"),
    ]);
    let ready = null;
    cliParts = { run, getDb: () => (ready ??= runMigrations(db.getDb()).then(() => db.getDb())) };
  }
  const out = [];
  const err = [];
  const firstLine = input.split("\n")[0] ?? "";
  let code;
  try {
    code = await cliParts.run(args, cliParts.getDb, { out: (l) => out.push(l), err: (l) => err.push(l), readPassword: async () => firstLine });
  } catch (error) {
    err.push(`Error: ${error instanceof Error ? error.message : String(error)}`);
    code = 1;
  }
  return { code, stdout: out.map((l) => `${l}\n`).join(""), stderr: err.map((l) => `${l}\n`).join("") };
}

parentPort.on("message", async (message) => {
  let reply;
  try {
    reply = { ok: true, value: message.kind === "cli" ? await runCli(message) : await query(message) };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
