import assert from "node:assert/strict";
import fs from "node:fs";
import { register } from "node:module";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { currentStep, totpAt } from "../e2e/support/totp";

/**
 * One rule, one answer, whichever door a change comes through: the panel's
 * engine (with the users and roles definitions' hooks), the CLI, the /account
 * page, the bulk actions and the two-factor store. Observed in the database.
 */

register("./support/next-request.mjs", import.meta.url);
const SECRET = "unit-test-secret-0123456789abcdef0123456789";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gatehouse-rules-"));
// Before lib/env is first imported (below, dynamically), so that the engine's database is this one.
Object.assign(process.env, { DATABASE_URL: `file:${path.join(dir, "rules.db")}`, AUTH_SECRET: SECRET });

const STRONG = "Correct-Horse-Battery-42";
const actor = { id: null, email: "test", address: null };
const lib = {
  db: () => import("../lib/db"),
  schema: () => import("../lib/db/schema"),
  cli: () => import("../lib/cli/program"),
  panel: () => import("../lib/resources/panel"),
  form: () => import("../lib/resources/engine/form"),
  registry: () => import("../lib/resources/registry"),
  account: () => import("../lib/account/password"),
  twoFactor: () => import("../lib/auth/two-factor/store"),
  roleName: () => import("../lib/roles/role-name"),
};

let m: { [K in keyof typeof lib]: Awaited<ReturnType<(typeof lib)[K]>> };
const db = () => m.db.getDb();
const resource = (name: string) => m.registry.getResource(name)!;
const userRow = (email: string) => db().select().from(m.schema.users).where(eq(m.schema.users.email, email)).get()!;
const roleId = (name: string) => db().select({ id: m.schema.roles.id }).from(m.schema.roles).where(eq(m.schema.roles.name, name)).get()!.id;

/** Saves an edit form of `name`'s record `id` as the operator, at the version the form was read at. */
async function panelUpdate(name: string, id: string | number, values: Record<string, unknown>) {
  const record = await m.panel.getRecord(resource(name), id, undefined, "update");
  return m.panel.updateRecord(resource(name), actor, null, id, values, record?.version ?? null);
}

/** "Sign out everywhere" on /account, as a request carrying a session of user `sub`. */
async function signOutEverywhere(sub: string, stamp: string): Promise<void> {
  const COOKIE = "authjs.session-token";
  const token = await encode({ token: { sub, stamp, sid: `sid-${stamp}`, authTime: Date.now() }, secret: SECRET, salt: COOKIE });
  (globalThis as { __testRequest?: unknown }).__testRequest = { cookies: { [COOKIE]: token }, headers: {} };
  assert.equal((await (await import("../lib/auth/dal")).getSession())?.id, sub, "signed in");
  await (await import("../lib/auth/sign-out")).endSessions(true);
}

/** Runs the CLI as scripts/gatehouse.ts does; returns its exit code and what it wrote to stderr. */
async function cli(argv: string[], passwords: string[] = []): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await m.cli.runCli(argv, async () => db(), { out: () => {}, err: (l) => err.push(l), readPassword: async () => passwords.shift() ?? "" });
  return { code, err: err.join("\n") };
}

before(async () => {
  m = Object.fromEntries(await Promise.all(Object.entries(lib).map(async ([k, load]) => [k, await load()]))) as typeof m;
  await (await import("../lib/db/migrate")).runMigrations(db());
  await (await import("../lib/db/seed")).seed(db(), { demoUsers: false });
});

after(async () => {
  await m?.db.closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the security stamp", () => {
  it("rotates on every door that changes a password, roles, active or two-factor, and only then", async () => {
    const email = "stamp@example.com";
    assert.equal((await cli(["users", "create", "--email", email, "--name", "Stella", "--role", "editor"], [STRONG])).code, 0);
    const { id } = userRow(email);
    const users = resource("users");
    const doors: Array<[string, () => Promise<unknown>]> = [
      ["panel password", () => panelUpdate("users", id, { password: "Another-Strong-Passphrase-7" })],
      ["panel active", () => panelUpdate("users", id, { active: false })],
      ["panel roles", () => panelUpdate("users", id, { roles: [String(roleId("contributor"))] })],
      ["bulk activate", () => m.panel.runBulkAction(users, actor, null, "activate", [id])],
      ["bulk deactivate", () => m.panel.runBulkAction(users, actor, null, "deactivate", [id])],
      ["CLI activate", () => cli(["users", "activate", email])],
      ["CLI deactivate", () => cli(["users", "deactivate", email])],
      ["CLI activate again", () => cli(["users", "activate", email])],
      ["CLI set-password", () => cli(["users", "set-password", email], [STRONG])],
      ["CLI add-role", () => cli(["users", "add-role", email, "editor"])],
      ["CLI remove-role", () => cli(["users", "remove-role", email, "editor"])],
      ["account password", () => m.account.changeOwnPassword({ id, email, name: "Stella" }, { current: STRONG, password: "Third-Strong-Passphrase-9", confirm: "Third-Strong-Passphrase-9" }, "203.0.113.7")],
      ["two-factor enable", async () => {
        await m.twoFactor.startEnrolment(db(), id);
        const { key } = (await m.twoFactor.getEnrolment(db(), id, email))!;
        assert.ok(await m.twoFactor.confirmEnrolment(db(), id, totpAt(key, currentStep()), actor));
      }],
      ["recovery codes", () => m.twoFactor.regenerateRecoveryCodes(db(), id, actor)],
      ["two-factor disable", () => m.twoFactor.disableTwoFactor(db(), id, actor)],
      ["two-factor reset", () => m.twoFactor.resetTwoFactor(db(), id, actor)],
      ["sign out everywhere", () => signOutEverywhere(id, userRow(email).securityStamp)],
    ];
    for (const [door, change] of doors) {
      const before = userRow(email).securityStamp;
      const result = (await change()) as { ok?: boolean; code?: number } | undefined;
      assert.notEqual(result?.ok, false, `${door}: ${JSON.stringify(result)}`);
      assert.ok(!result?.code, door);
      assert.notEqual(userRow(email).securityStamp, before, door);
    }
    const before = userRow(email).securityStamp;
    assert.deepEqual(await panelUpdate("users", id, { name: "Stella S" }), { ok: true, id, count: 1 });
    assert.equal(userRow(email).securityStamp, before, "a name change leaves the sessions alone");
  });

  it("is written by lib/users/security-stamp.ts only", () => {
    // The /account password action still writes its own until it calls lib/account/password.ts.
    const allowed = new Set(["lib/users/security-stamp.ts"]);
    const writes = /securityStamp:\s*randomToken|\.set\(\{[^}]*securityStamp/;
    const offenders = (fs.readdirSync("lib", { recursive: true }) as string[])
      .map((f) => path.join("lib", f))
      .filter((f) => /\.tsx?$/.test(f) && !allowed.has(f) && writes.test(fs.readFileSync(f, "utf8")));
    assert.deepEqual(offenders, []);
  });
});

describe("one answer per rule, whichever door", () => {
  it("gives a bad role name the same message from the CLI and the panel", async () => {
    const roles = resource("roles");
    for (const bad of ["Bad Name", "x".repeat(65), "9lives"]) {
      const form = new FormData();
      form.set("name", bad);
      const parsed = await m.form.parseForm(roles, "create", form, () => true);
      assert.equal(parsed.ok, false, bad);
      const panel = !parsed.ok ? parsed.fieldErrors.name : undefined;
      const { code, err } = await cli(["roles", "create", bad]);
      assert.equal(code, 1);
      assert.equal(err, `Error: ${panel}`, bad);
      assert.equal(m.roleName.roleNameProblem(bad), panel);
    }
    const renamed = await panelUpdate("roles", roleId("editor"), { name: "admin" });
    assert.deepEqual(renamed.ok ? null : renamed.fieldErrors, { name: "The name admin is reserved." });
    const admin = await panelUpdate("roles", roleId("admin"), { name: "boss" });
    assert.deepEqual(admin.ok ? null : admin.fieldErrors, { name: "The admin role cannot be renamed." });
  });

  it("refuses a weak password with the same message on the panel, the CLI and /account", async () => {
    const email = "weak@example.com";
    assert.equal((await cli(["users", "create", "--email", email], [STRONG])).code, 0);
    const user = { id: userRow(email).id, email, name: null };
    const panel = await panelUpdate("users", user.id, { password: "password1" });
    const fromPanel = panel.ok ? null : panel.fieldErrors?.password;
    assert.match(fromPanel ?? "", /too easy to guess/);
    assert.equal((await cli(["users", "set-password", email], ["password1"])).err, `Error: ${fromPanel}`);
    const account = await m.account.changeOwnPassword(user, { current: STRONG, password: "password1", confirm: "password1" }, "203.0.113.8");
    assert.deepEqual(account.ok ? null : account.fieldErrors, { password: fromPanel });
    assert.equal(await (await import("../lib/auth/password")).verifyPassword(STRONG, userRow(email).passwordHash!), true, "unchanged");
  });

  it("audits a user the CLI creates as the panel audits one it creates", async () => {
    const values = (email: string) => ({ email, name: "Pat", active: true, roles: [String(roleId("editor"))], password: STRONG });
    assert.equal((await m.panel.createRecord(resource("users"), actor, null, values("panel@example.com"))).ok, true);
    assert.equal((await cli(["users", "create", "--email", "cli@example.com", "--name", "Pat", "--role", "editor"], [STRONG])).code, 0);
    const entry = (email: string) => {
      const row = db().select().from(m.schema.auditLog).where(eq(m.schema.auditLog.recordId, userRow(email).id)).get()!;
      const changes = row.changes as Record<string, { before: unknown; after: unknown }>;
      return { action: row.action, resource: row.resource, changes: { ...changes, email: null, roles: { ...changes.roles, after: (changes.roles!.after as unknown[]).map(String) } } };
    };
    assert.deepEqual(entry("cli@example.com"), entry("panel@example.com"));
    assert.equal(JSON.stringify(entry("cli@example.com")).includes(STRONG), false);
  });
});
