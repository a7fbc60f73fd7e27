import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, it } from "node:test";
import { dropTestDatabase } from "../../lib/db/test-database";
import { preparePostgres, prepareSqlite } from "./databases";
import { BASE_PORT, pageLoad, postSignIn, signIn, startServer, tempDir, timed, type Server } from "./support";

const ROWS = 200_000;

/** /login and a list, timed, as another user would load them during an export. */
async function otherRequests(server: Server, cookie: string) {
  const login = await timed(() => fetch(`${server.url}/login`).then(async (r) => ({ status: r.status, body: await r.text() })));
  const list = await timed(() => fetch(`${server.url}/admin/items`, { headers: pageLoad(cookie) }).then(async (r) => ({ status: r.status, body: await r.text() })));
  return { login, list };
}

/** Starts a download and stops reading after its first chunk, as a slow client would; `done` says whether it ended. */
function slowDownload(url: string, cookie: string): Promise<{ status: number; body: string; close(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { cookie } }, (res) => {
      res.once("data", (chunk: Buffer) => {
        res.pause();
        resolve({ status: res.statusCode ?? 0, body: chunk.toString(), close: () => req.destroy() });
      });
      res.on("error", () => undefined);
    });
    req.on("error", reject);
  });
}

describe("exports on SQLite", () => {
  let server: Server;

  before(async () => {
    const url = await prepareSqlite(tempDir(), ROWS);
    server = await startServer(BASE_PORT + 1, { DATABASE_URL: url });
  });
  after(() => server?.stop());

  it(`an export of ${ROWS.toLocaleString("en")} rows read at full speed leaves /login and a list answering within 1 s`, async () => {
    const cookie = await signIn(server.url);
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
    assert.ok(stillRunning, "the export was still running while the other requests were answered");
    assert.equal(login.value.status, 200);
    assert.equal(list.value.status, 200);
    assert.ok(login.ms < 1000, `/login took ${Math.round(login.ms)} ms`);
    assert.ok(list.ms < 1000, `the list took ${Math.round(list.ms)} ms`);
    assert.ok(bytes > ROWS * 20, "the whole export arrived");
  });
});

describe("exports on PostgreSQL with DATABASE_POOL_MAX=2", () => {
  const name = `gatehouse_faults_${BASE_PORT + 2}_test`;
  let server: Server;
  let url: string;

  before(async () => {
    url = await preparePostgres(name, ROWS);
    server = await startServer(BASE_PORT + 2, { DATABASE_URL: url, DATABASE_POOL_MAX: "2", EXPORT_MAX_CONCURRENT: "2" });
  });
  after(async () => {
    await server?.stop();
    await dropTestDatabase(url);
  });

  it("two slow downloads hold no pool connection: lists and sign-in still answer, a third export is told to try again", async () => {
    const cookie = await signIn(server.url);
    const slow = [await slowDownload(`${server.url}/admin/items/export`, cookie), await slowDownload(`${server.url}/admin/items/export?sort=name`, cookie)];
    try {
      assert.deepEqual(slow.map((d) => d.status), [200, 200]);
      const { login, list } = await otherRequests(server, cookie);
      assert.equal(list.value.status, 200);
      assert.ok(list.ms < 2000, `the list took ${Math.round(list.ms)} ms`);
      assert.equal(login.value.status, 200);
      const signedIn = await timed(() => postSignIn(server.url, "editor@example.com", "password"));
      assert.ok(signedIn.value.cookie, "sign-in works");
      assert.ok(signedIn.ms < 2000, `sign-in took ${Math.round(signedIn.ms)} ms`);

      const third = await fetch(`${server.url}/admin/items/export`, { headers: { cookie } });
      assert.equal(third.status, 503);
      assert.ok(Number(third.headers.get("retry-after")) > 0);
      assert.equal(await third.text(), "Too many exports are running; try again shortly.");
    } finally {
      for (const d of slow) d.close();
    }
    // A download abandoned by its client gives its slot back.
    let status = 0;
    for (let tries = 0; tries < 50 && status !== 200; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      const res = await fetch(`${server.url}/admin/items/export?q=zzz-none`, { headers: { cookie } });
      status = res.status;
      await res.text();
    }
    assert.equal(status, 200, "slots are released when clients go away");
  });
});
