// Runs one query on the e2e PostgreSQL database for e2e/support/db.ts and
// prints the rows as JSON, with values shaped as SQLite returns them (booleans
// as 1/0, timestamps as epoch milliseconds, JSON as compact text), so that the
// same assertions hold on both databases. Input: {url, sql, params} on stdin.
import pg from "pg";

const { types } = pg;
types.setTypeParser(types.builtins.BOOL, (v) => (v === "t" ? 1 : 0));
types.setTypeParser(types.builtins.INT8, (v) => Number(v));
types.setTypeParser(types.builtins.TIMESTAMPTZ, (v) => Date.parse(v.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")));
types.setTypeParser(types.builtins.JSONB, (v) => JSON.stringify(JSON.parse(v)));

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => resolve(text));
}));
let n = 0;
const text = input.sql.replace(/\?/g, () => `$${++n}`);
const client = new pg.Client({ connectionString: input.url });
await client.connect();
try {
  const result = await client.query(text, input.params);
  process.stdout.write(JSON.stringify(result.rows));
} finally {
  await client.end();
}
