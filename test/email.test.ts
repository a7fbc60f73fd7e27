import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emailSchema, normalizeEmail } from "../lib/email";

describe("email", () => {
  it("is stored trimmed and lower-case", () => {
    assert.equal(normalizeEmail("  Ada@Example.COM \n"), "ada@example.com");
  });

  it("schema normalises before validating", () => {
    assert.equal(emailSchema.parse(" Ada@Example.com "), "ada@example.com");
    assert.equal(emailSchema.safeParse("not an email").success, false);
    assert.equal(emailSchema.safeParse(`${"a".repeat(250)}@example.com`).success, false);
  });
});
