import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { accessFromRoles } from "../lib/permissions";
import { wayBack } from "../lib/auth/way-back";

describe("the way back from an error page", () => {
  const endUser = accessFromRoles([{ name: "end-user", permissions: [] }]);
  const editor = accessFromRoles([{ name: "editor", permissions: ["items:view"] }]);

  it("leads to the admin index for whoever may open it", () => {
    assert.equal(wayBack(endUser, "signed-in").href, "/admin");
    assert.equal(wayBack(editor, "staff").href, "/admin");
  });

  it("leads home when the admin index is closed to the user", () => {
    assert.deepEqual(wayBack(endUser, "staff"), { href: "/", label: "homePage" });
    assert.equal(wayBack(editor, "admin").href, "/");
  });

  it("leads to sign-in when nobody is signed in", () => {
    assert.equal(wayBack(null, "signed-in").href, "/login");
  });
});
