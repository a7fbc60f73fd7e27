import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { accessFromRoles, can, isPermission, isStaff, mayOpenAdminIndex } from "../lib/permissions";

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
      { name: "a", permissions: ["items:view", "items:fly", "ITEMS:view", "items"] },
      { name: "b", permissions: ["users:export"] },
    ]);
    assert.deepEqual([...access.permissions].sort(), ["items:view", "users:export"]);
  });

  it("recognises only <resource>:<action>", () => {
    assert.equal(isPermission("items:view"), true);
    assert.equal(isPermission("audit-log:export"), true);
    for (const bad of ["items:fly", "items", ":view", "Items:view", "items:view:x", "items :view"]) {
      assert.equal(isPermission(bad), false, bad);
    }
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
