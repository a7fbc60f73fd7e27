import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkPasswordPolicy } from "../lib/auth/password-policy";

describe("password policy", () => {
  it("accepts a long passphrase without composition rules", () => {
    assert.equal(checkPasswordPolicy("correct horse battery staple"), null);
  });

  it("refuses short, common and personal passwords", () => {
    assert.match(checkPasswordPolicy("Ab1!xyz") ?? "", /at least 8/);
    assert.match(checkPasswordPolicy("password") ?? "", /too easy to guess/);
    assert.match(checkPasswordPolicy("password123") ?? "", /too easy to guess/);
    assert.match(checkPasswordPolicy("ada@example.com1", ["ada@example.com"]) ?? "", /too easy to guess/);
  });

  it("refuses more than 72 bytes instead of letting bcrypt truncate", () => {
    assert.equal(checkPasswordPolicy(`Zq7!${"x".repeat(68)}`.slice(0, 72).replace(/x/g, (_, i) => "abcdefgh"[i % 8]!)), null);
    assert.match(checkPasswordPolicy("é".repeat(37)) ?? "", /72 bytes/);
    assert.match(checkPasswordPolicy("a".repeat(73)) ?? "", /72 bytes/);
  });
});
