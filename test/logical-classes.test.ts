import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

/**
 * Right-to-left ready: class names say start/end, never left/right, so a
 * `dir="rtl"` page needs no second stylesheet (e2e/rtl.spec.ts checks the result).
 */
const PHYSICAL = /(?<![\w-])(?:[a-z-]+:)*-?(?:ml|mr|pl|pr|left|right|border-l|border-r|rounded-l|rounded-r|rounded-tl|rounded-tr|rounded-bl|rounded-br|scroll-ml|scroll-mr|scroll-pl|scroll-pr)-[\w./[\]-]+|(?<![\w-])(?:[a-z-]+:)*(?:text-left|text-right|float-left|float-right|border-l|border-r)(?![\w-])/g;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(tsx?|css)$/.test(e.name) ? [p] : [];
  });
}

describe("layout classes", () => {
  it("use logical directions (start/end), not left/right", () => {
    const found: string[] = [];
    for (const file of [...files("app"), ...files("components")]) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/className=(?:"([^"]*)"|\{`([^`]*)`\})|@apply ([^;]*);/g)) {
        for (const hit of (m[1] ?? m[2] ?? m[3] ?? "").matchAll(PHYSICAL)) found.push(`${file}: ${hit[0]}`);
      }
    }
    assert.deepEqual(found, []);
  });

  it("the check sees a physical class", () => {
    assert.deepEqual([..."px-2 text-left md:pr-3 -ml-1 text-start ps-2".matchAll(PHYSICAL)].map((m) => m[0]), ["text-left", "md:pr-3", "-ml-1"]);
  });
});
