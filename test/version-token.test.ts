import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { openVersion, signVersion, versionToken } from "../lib/resources/engine/version-token";

describe("version tokens", () => {
  it("opens a token signed for the same resource and record only", () => {
    const token = signVersion("items", 12, "1700000000000");
    assert.equal(openVersion("items", 12, token), "1700000000000");
    assert.equal(openVersion("items", "12", token), "1700000000000");
    assert.equal(openVersion("items", 13, token), null);
    assert.equal(openVersion("users", 12, token), null);
  });

  it("refuses a changed version, a changed signature, a bare version and nothing", () => {
    const token = signVersion("items", 12, "1700000000000");
    const [, mac] = token.split(".");
    assert.equal(openVersion("items", 12, `1700000000001.${mac}`), null);
    // The first character of the signature: the last one's low bits are padding, which decoding ignores.
    assert.equal(openVersion("items", 12, `1700000000000.${mac!.startsWith("A") ? "B" : "A"}${mac!.slice(1)}`), null);
    for (const forged of ["1700000000000", "0", "", null, undefined, `${token}x`]) assert.equal(openVersion("items", 12, forged), null, String(forged));
  });

  it("signs a row's version column value, and nothing for a row without one", () => {
    const at = new Date(1_700_000_000_123);
    assert.equal(openVersion("items", 1, versionToken("items", 1, at)), "1700000000123");
    assert.equal(versionToken("items", 1, null), undefined);
  });
});
