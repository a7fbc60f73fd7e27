import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { prepareSqlite } from "./databases";
import { BASE_PORT, otherRequests, signIn, startServer, tempDir, type Server } from "./support";

const ROWS = 200_000;

describe("exports on SQLite", () => {
  let server: Server;

  before(async () => {
    const url = await prepareSqlite(tempDir(), ROWS);
    server = await startServer(BASE_PORT + 1, { DATABASE_URL: url });
  });
  after(() => server?.stop());

  it(`an export of ${ROWS.toLocaleString("en")} rows read at full speed leaves /login and a list answering within 1 s`, async (t) => {
    const cookie = await signIn(server.url);
    // Each route's first request loads its code: not what is measured here.
    await otherRequests(server, cookie);
    const download = await fetch(`${server.url}/admin/items/export`, { headers: { cookie } });
    assert.equal(download.status, 200);
    const reader = download.body!.getReader();
    let bytes = 0;
    let finished = false;
    const reading = (async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read()) bytes += r.value.length;
      finished = true;
    })();
    while (bytes === 0) await new Promise((r) => setTimeout(r, 5));
    const { login, list } = await otherRequests(server, cookie);
    const stillRunning = !finished;
    await reading;
    t.diagnostic(`during the export: /login ${Math.round(login.ms)} ms, list ${Math.round(list.ms)} ms`);
    assert.ok(stillRunning, "the export was still running while the other requests were answered");
    assert.equal(login.value.status, 200);
    assert.equal(list.value.status, 200);
    assert.ok(login.ms < 1000, `/login took ${Math.round(login.ms)} ms`);
    assert.ok(list.ms < 1000, `the list took ${Math.round(list.ms)} ms`);
    assert.ok(bytes > ROWS * 20, "the whole export arrived");
  });
});
