import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { dropTestDatabase } from "../../lib/db/test-database";
import { preparePostgres } from "./databases";
import { ADMIN, BASE_PORT, CuttableProxy, pageLoad, postSignIn, signIn, startServer, type Server } from "./support";

const PORT = BASE_PORT;
const PROXY_PORT = BASE_PORT + 50;
const DB_NAME = `gatehouse_faults_${PORT}_test`;
const DOWN_TEXT = "The database is not answering; try again in a moment.";

describe("PostgreSQL unreachable mid-session", () => {
  let server: Server;
  let proxy: CuttableProxy;
  let url: string;

  before(async () => {
    url = await preparePostgres(DB_NAME);
    const upstream = new URL(url);
    proxy = new CuttableProxy(PROXY_PORT, { host: upstream.hostname, port: Number(upstream.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(url);
    viaProxy.host = `127.0.0.1:${PROXY_PORT}`;
    server = await startServer(PORT, { DATABASE_URL: viaProxy.toString() });
  });

  after(async () => {
    await server?.stop();
    await proxy?.cut();
    await dropTestDatabase(url);
  });

  it("answers 503 with Retry-After and keeps the cookie while the database is away; the same cookie works once it is back", async () => {
    const cookie = await signIn(server.url);
    const before = await fetch(`${server.url}/admin/items`, { headers: pageLoad(cookie), redirect: "manual" });
    assert.equal(before.status, 200);

    await proxy.cut();
    const page = await fetch(`${server.url}/admin/items`, { headers: pageLoad(cookie), redirect: "manual" });
    assert.equal(page.status, 503, "a page load is a 503, not a redirect to sign in");
    assert.ok(Number(page.headers.get("retry-after")) > 0, "with Retry-After");
    assert.match(page.headers.get("content-type") ?? "", /text\/html/);
    assert.ok((await page.text()).includes(DOWN_TEXT));
    assert.deepEqual(page.headers.getSetCookie(), [], "no cookie is cleared or re-issued");

    // The router's fetches (RSC) get a short text answer.
    const router = await fetch(`${server.url}/admin/users`, { headers: { accept: "*/*", rsc: "1", cookie }, redirect: "manual" });
    assert.equal(router.status, 503);
    assert.equal(await router.text(), DOWN_TEXT);
    assert.deepEqual(router.headers.getSetCookie(), []);

    // Auth.js's own session endpoint would clear the cookie on a failed check.
    const session = await fetch(`${server.url}/api/auth/session`, { headers: { cookie } });
    assert.equal(session.status, 503);
    assert.deepEqual(session.headers.getSetCookie(), []);
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const withCsrf = [cookie, ...csrf.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
    const posted = await fetch(`${server.url}/api/auth/session`, { method: "POST", headers: { cookie: withCsrf, "content-type": "application/json" }, body: JSON.stringify({ csrfToken, data: {} }) });
    assert.equal(posted.status, 503, "POST to the session endpoint too");
    assert.deepEqual(posted.headers.getSetCookie(), []);

    // The right password: the service is unavailable, not "invalid".
    const attempt = await postSignIn(server.url, ADMIN.email, ADMIN.password);
    assert.equal(attempt.cookie, null);
    assert.match(attempt.location, /code=unavailable/);
    const form = await (await fetch(new URL(attempt.location, server.url))).text();
    assert.ok(form.includes("Sign-in is unavailable: the database is not answering."), "the form says the service is unavailable");
    assert.ok(!form.includes("Invalid email or password."));

    await proxy.open();
    const back = await fetch(`${server.url}/admin/items`, { headers: pageLoad(cookie), redirect: "manual" });
    assert.equal(back.status, 200, "the same cookie works again");
    assert.ok((await back.text()).includes(ADMIN.email));

    // One JSON line per cause with the driver's own code, never the session id or the SQL.
    const lines = server.output().split("\n").filter((l) => l.startsWith("{"));
    const failures = lines.map((l) => JSON.parse(l) as { event?: string; cause?: { code?: string } }).filter((l) => l.cause);
    assert.ok(failures.length > 0 && failures.length <= 12, `a few summarised lines, not one per request (${failures.length})`);
    assert.ok(failures.some((l) => l.cause?.code === "ECONNREFUSED"), "the root cause is named");
    assert.doesNotMatch(server.output(), /select |params:|"sid"|authjs\.session-token/i);
  });
});
