import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { eq } from "drizzle-orm";
import { runCli } from "../lib/cli/program";
import type { Db } from "../lib/db";
import { users } from "../lib/db/schema";
import { seed } from "../lib/db/seed";
import { getUserAccess } from "../lib/users/queries";
import { verifyPassword } from "../lib/auth/password";
import { tempDb } from "./helpers";

const STRONG = "Correct-Horse-Battery-42";

describe("gatehouse CLI", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let out: string[];
  let err: string[];
  let passwords: string[];

  const run = (...argv: string[]) =>
    runCli(argv, async () => db, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      readPassword: async () => passwords.shift() ?? "",
    });
  const userByEmail = (email: string) => db.select().from(users).where(eq(users.email, email)).get();

  beforeEach(async () => {
    ({ db, cleanup } = tempDb());
    await seed(db, { demoUsers: false });
    out = [];
    err = [];
    passwords = [];
  });
  afterEach(() => cleanup());

  it("creates the first admin, who then holds every permission", async () => {
    passwords.push(STRONG);
    assert.equal(await run("users", "create", "--email", " Boss@Example.com ", "--name", "Boss", "--role", "admin"), 0);
    const row = userByEmail("boss@example.com");
    assert.ok(row, "user stored with a normalised email");
    assert.equal(await verifyPassword(STRONG, row.passwordHash!), true);
    assert.notEqual(row.passwordHash, STRONG);
    const access = (await getUserAccess(db, row.id))!;
    assert.equal(access.access.isAdmin, true);
    assert.match(out.join("\n"), /Created user boss@example.com with roles admin/);
  });

  it("refuses a duplicate email, an unknown role and a weak password with exit code 1", async () => {
    passwords.push(STRONG, STRONG, STRONG, "password");
    assert.equal(await run("users", "create", "--email", "a@example.com"), 0);
    assert.equal(await run("users", "create", "--email", "A@example.com"), 1);
    assert.match(err.pop()!, /already in use/);
    assert.equal(await run("users", "create", "--email", "b@example.com", "--role", "wizard"), 1);
    assert.match(err.pop()!, /Unknown role: wizard/);
    assert.equal(userByEmail("b@example.com"), undefined, "nothing half-written");
    assert.equal(await run("users", "create", "--email", "c@example.com"), 1);
    assert.match(err.pop()!, /too easy to guess/);
    assert.equal(userByEmail("c@example.com"), undefined);
  });

  it("exits 2 on bad usage", async () => {
    assert.equal(await run("users", "create"), 2);
    assert.match(err.join("\n"), /--email/);
    assert.equal(await run("users", "frobnicate"), 2);
    assert.equal(await run("--help"), 0);
  });

  it("deactivates and activates, rotating the security stamp", async () => {
    passwords.push(STRONG);
    await run("users", "create", "--email", "x@example.com", "--role", "editor");
    const before = userByEmail("x@example.com")!;
    assert.equal(await run("users", "deactivate", "X@example.com"), 0);
    const after = userByEmail("x@example.com")!;
    assert.equal(after.active, false);
    assert.notEqual(after.securityStamp, before.securityStamp);
    assert.equal(await run("users", "activate", "x@example.com"), 0);
    assert.equal(userByEmail("x@example.com")!.active, true);
    assert.equal(await run("users", "deactivate", "ghost@example.com"), 1);
  });

  it("never removes, demotes or deactivates the last active admin", async () => {
    passwords.push(STRONG, STRONG);
    await run("users", "create", "--email", "one@example.com", "--role", "admin");
    assert.equal(await run("users", "deactivate", "one@example.com"), 1);
    assert.equal(await run("users", "remove-role", "one@example.com", "admin"), 1);
    assert.match(err.join("\n"), /last active admin/);
    assert.equal(userByEmail("one@example.com")!.active, true);
    await run("users", "create", "--email", "two@example.com", "--role", "admin");
    assert.equal(await run("users", "deactivate", "one@example.com"), 0);
    assert.equal(await run("users", "remove-role", "two@example.com", "admin"), 1);
  });

  it("sets a password through the policy and rotates the stamp", async () => {
    passwords.push(STRONG, "short", "Another-Strong-Passphrase-7");
    await run("users", "create", "--email", "p@example.com");
    const stamp = userByEmail("p@example.com")!.securityStamp;
    assert.equal(await run("users", "set-password", "p@example.com"), 1);
    assert.equal(userByEmail("p@example.com")!.securityStamp, stamp);
    assert.equal(await run("users", "set-password", "p@example.com"), 0);
    const row = userByEmail("p@example.com")!;
    assert.equal(await verifyPassword("Another-Strong-Passphrase-7", row.passwordHash!), true);
    assert.notEqual(row.securityStamp, stamp);
  });

  it("creates roles and grants and revokes permissions, refusing bad ones and the admin role", async () => {
    assert.equal(await run("roles", "create", "support", "--permission", "users:view"), 0);
    assert.equal(await run("roles", "grant", "support", "items:view", "items:export"), 0);
    assert.equal(out.pop(), "support: items:export, items:view, users:view");
    assert.equal(await run("roles", "revoke", "support", "users:view"), 0);
    assert.equal(out.pop(), "support: items:export, items:view");
    assert.equal(await run("roles", "grant", "support", "items:fly"), 1);
    assert.match(err.pop() ?? "", /Unknown permission: items:fly/);
    // Own-records forms where the resource has an owner, and declared field permissions.
    assert.equal(await run("roles", "create", "helper", "--permission", "items:view:own"), 0);
    assert.equal(await run("roles", "grant", "helper", "items:update:own", "items:price"), 0);
    assert.equal(out.pop(), "helper: items:price, items:update:own, items:view:own");
    for (const bad of ["users:view:own", "audit:delete", "items:view:all", "roles:price"]) assert.equal(await run("roles", "grant", "helper", bad), 1, bad);
    assert.equal(await run("roles", "create", "support"), 1);
    assert.equal(await run("roles", "create", "Bad Name"), 1);
    assert.equal(await run("roles", "revoke", "admin", "items:view"), 1);
    assert.equal(await run("roles", "list"), 0);
    assert.ok(out.some((l) => l.startsWith("admin\t(every permission)")));
  });
});
