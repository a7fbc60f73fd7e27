import assert from "node:assert/strict";
import { describe, it } from "node:test";

// Small limits for this process; the module reads them once.
Object.assign(process.env, { LOGIN_MAX_FAILURES: "3", LOGIN_IP_MAX_FAILURES: "5", LOGIN_WINDOW_SECONDS: "60", LOGIN_LOCKOUT_SECONDS: "120" });
const { recordSignInFailure, recordSignInSuccess, signInBlockedFor } = await import("../lib/auth/throttle");

describe("sign-in throttle", () => {
  it("locks an account after the configured failures, from any address", async () => {
    for (const ip of ["1.1.1.1", "2.2.2.2"]) {
      assert.equal(await signInBlockedFor("victim@example.com", ip), 0);
      await recordSignInFailure("victim@example.com", ip);
    }
    await recordSignInFailure("victim@example.com", "3.3.3.3");
    const wait = await signInBlockedFor("victim@example.com", "4.4.4.4");
    assert.ok(wait > 60 && wait <= 120, `locked for the lockout window, got ${wait}s`);
    assert.equal(await signInBlockedFor("other@example.com", "4.4.4.4"), 0);
  });

  it("locks an address after the configured failures, whatever the accounts", async () => {
    for (let i = 0; i < 5; i++) await recordSignInFailure(`spray${i}@example.com`, "9.9.9.9");
    assert.ok((await signInBlockedFor("fresh@example.com", "9.9.9.9")) > 0);
    assert.equal(await signInBlockedFor("fresh@example.com", "8.8.8.8"), 0);
  });

  it("clears an account's count on success", async () => {
    await recordSignInFailure("ok@example.com", "5.5.5.5");
    await recordSignInFailure("ok@example.com", "5.5.5.5");
    await recordSignInSuccess("ok@example.com");
    await recordSignInFailure("ok@example.com", "5.5.5.6");
    await recordSignInFailure("ok@example.com", "5.5.5.7");
    assert.equal(await signInBlockedFor("ok@example.com", "5.5.5.8"), 0);
  });
});
