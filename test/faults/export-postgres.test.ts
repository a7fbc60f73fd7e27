import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, it } from "node:test";
import { dropTestDatabase } from "../../lib/db/test-database";
import { preparePostgres } from "./databases";
import { BASE_PORT, otherRequests, postSignIn, signIn, startServer, timed, type Server } from "./support";

const ROWS = 200_000;

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
    await otherRequests(server, cookie);
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
