import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { actionKey, AUDIT_ACTIONS } from "../lib/audit/actions";
import de from "../messages/de/index";
import en from "../messages/en/index";

/** Every source file under `dir` (TypeScript). */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe("audit actions", () => {
  it("every action the code writes is listed, so the audit log shows its label and offers it as a filter", () => {
    const written = new Set<string>();
    for (const file of [...sources("lib"), ...sources("app")]) {
      for (const m of fs.readFileSync(file, "utf8").matchAll(/\b(?:auditAction|action): "([a-z][a-z:-]*)"/g)) written.add(m[1]!);
    }
    assert.ok(written.has("time-zone-change") && written.has("sign-in"), "the scan finds the actions");
    assert.deepEqual([...written].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a)), []);
  });

  it("every listed action has a label in every locale", () => {
    for (const [code, messages] of [["en", en], ["de", de]] as const) {
      const labels = messages.audit.action as Record<string, string>;
      assert.deepEqual(AUDIT_ACTIONS.filter((a) => !labels[actionKey(a)]), [], code);
    }
  });
});
