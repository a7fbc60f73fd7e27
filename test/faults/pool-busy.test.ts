import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { dropTestDatabase } from "../../lib/db/test-database";
import { preparePostgres } from "./databases";
import { BASE_PORT, pageLoad, signIn, startServer, type Server } from "./support";

const PORT = BASE_PORT + 4;

describe("PostgreSQL with DATABASE_POOL_MAX=1 and a slow query", () => {
  let server: Server;
  let url: string;

  before(async () => {
    url = await preparePostgres(`gatehouse_faults_${PORT}_test`);
    server = await startServer(PORT, { DATABASE_URL: url, DATABASE_POOL_MAX: "1" });
  });

  after(async () => {
    await server?.stop();
    await dropTestDatabase(url);
  });

  it("requests wait for the one busy connection instead of being told the database is down", async () => {
    const cookie = await signIn(server.url);
    assert.equal((await fetch(`${server.url}/admin/items`, { headers: pageLoad(cookie) })).status, 200);

    // Another client holds the items table for 3 s: the panel's list query waits
    // on it, holding the pool's only connection, longer than a health probe waits.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query("begin");
      await holder.query("lock table items in access exclusive mode");
      const list = fetch(`${server.url}/admin/items`, { headers: pageLoad(cookie) });
      await new Promise((r) => setTimeout(r, 500));
      const account = fetch(`${server.url}/account`, { headers: pageLoad(cookie) });
      await new Promise((r) => setTimeout(r, 2_500));
      await holder.query("commit");
      const [slow, queued] = await Promise.all([list, account]);
      assert.equal(slow.status, 200);
      assert.equal(queued.status, 200, "a request queued behind a busy pool is served, not answered 503");
      assert.ok(!(await queued.text()).includes("The database is not answering"));
    } finally {
      await holder.end();
    }
  });
});
