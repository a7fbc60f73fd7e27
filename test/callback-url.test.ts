import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { safeCallbackUrl } from "../lib/auth/callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths with their query and hash", () => {
    assert.equal(safeCallbackUrl("/admin/items?q=red&page=2#top"), "/admin/items?q=red&page=2#top");
    assert.equal(safeCallbackUrl("/"), "/");
  });

  it("falls back for other origins and tricks that browsers resolve elsewhere", () => {
    const payloads = [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "%09//evil.example",
      "https://localhost@evil.example",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,hi",
      " //evil.example",
      "/\n/evil.example",
      "http:/evil.example",
      "",
      "x".repeat(5000),
    ];
    for (const p of payloads) assert.equal(safeCallbackUrl(p), "/", JSON.stringify(p));
  });

  it("falls back for non-strings", () => {
    assert.equal(safeCallbackUrl(undefined), "/");
    assert.equal(safeCallbackUrl(null, "/admin"), "/admin");
    assert.equal(safeCallbackUrl(["/admin"]), "/");
  });

  it("normalises dot segments without leaving the site", () => {
    assert.equal(safeCallbackUrl("/admin/../../etc"), "/etc");
  });
});
