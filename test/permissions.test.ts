import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { accessFromRoles, can, holds, isPermission, isStaff, mayAct, mayOpenAdminIndex, scopeOf } from "../lib/permissions";

describe("permissions", () => {
  const editor = accessFromRoles([{ name: "editor", permissions: ["items:view", "items:create"] }]);
  const admin = accessFromRoles([{ name: "admin", permissions: [] }]);
  const endUser = accessFromRoles([{ name: "end-user", permissions: [] }]);

  it("grants what a role holds and nothing else", () => {
    assert.equal(can(editor, "items:view"), true);
    assert.equal(can(editor, "items:create"), true);
    assert.equal(can(editor, "items:delete"), false);
    assert.equal(can(editor, "users:view"), false);
  });

  it("gives the admin role every permission, including future resources", () => {
    assert.equal(can(admin, "users:delete"), true);
    assert.equal(can(admin, "invoices:export"), true);
  });

  it("gives end-user and anonymous nothing", () => {
    assert.equal(can(endUser, "items:view"), false);
    assert.equal(can(null, "items:view"), false);
    assert.equal(isStaff(endUser), false);
  });

  it("unions the permissions of several roles and ignores malformed ones", () => {
    const access = accessFromRoles([
      { name: "a", permissions: ["items:view", "items:view:x", "ITEMS:view", "items"] },
      { name: "b", permissions: ["users:export", "items:update:own", "items:price"] },
    ]);
    assert.deepEqual([...access.permissions].sort(), ["items:price", "items:update:own", "items:view", "users:export"]);
  });

  it("recognises <resource>:<action>, its :own form and <resource>:<name> by shape", () => {
    for (const good of ["items:view", "audit-log:export", "items:update:own", "items:price"]) assert.equal(isPermission(good), true, good);
    for (const bad of ["items", ":view", "Items:view", "items:view:x", "items :view", "items:price:own", "items:view:own:own"]) {
      assert.equal(isPermission(bad), false, bad);
    }
  });

  it("scopes an action to all records, the user's own (where the resource has an owner), or none", () => {
    const items = { name: "items", owner: {} };
    const users = { name: "users" };
    const contributor = accessFromRoles([{ name: "contributor", permissions: ["items:view:own", "items:update:own", "users:view:own"] }]);
    assert.equal(scopeOf(contributor, items, "view"), "own");
    assert.equal(scopeOf(contributor, items, "delete"), null);
    // users has no owner column: an :own permission on it grants nothing.
    assert.equal(scopeOf(contributor, users, "view"), null);
    assert.equal(mayAct(contributor, users, "view"), false);
    const both = accessFromRoles([{ name: "a", permissions: ["items:view:own"] }, { name: "b", permissions: ["items:view"] }]);
    assert.equal(scopeOf(both, items, "view"), "all");
    assert.equal(scopeOf(admin, items, "export"), "all");
    assert.equal(scopeOf(null, items, "view"), null);
    // can() is the all-records question: an own-only holder does not pass it.
    assert.equal(can(contributor, "items:view"), false);
  });

  it("counts the all form as holding the own form when delegating, not the reverse", () => {
    const all = accessFromRoles([{ name: "x", permissions: ["items:update"] }]);
    const own = accessFromRoles([{ name: "y", permissions: ["items:update:own"] }]);
    assert.equal(holds(all, "items:update:own"), true);
    assert.equal(holds(own, "items:update"), false);
    assert.equal(holds(own, "items:update:own"), true);
    assert.equal(holds(all, "items:price"), false);
    assert.equal(holds(admin, "items:price"), true);
  });

  it("opens the admin index per ADMIN_INDEX_ACCESS", () => {
    assert.equal(mayOpenAdminIndex(endUser, "signed-in"), true);
    assert.equal(mayOpenAdminIndex(endUser, "staff"), false);
    assert.equal(mayOpenAdminIndex(editor, "staff"), true);
    assert.equal(mayOpenAdminIndex(editor, "admin"), false);
    assert.equal(mayOpenAdminIndex(admin, "admin"), true);
    assert.equal(mayOpenAdminIndex(null, "signed-in"), false);
  });
});
