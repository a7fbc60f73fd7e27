import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { checkedSessionUser, sessionStillValid, watchSessionChecks } from "../lib/auth/session-check";
import { DatabaseUnavailable } from "../lib/db/unavailable";
import { logTo } from "../lib/log";
import { createUser } from "../lib/users/service";
import { getUserAccess } from "../lib/users/queries";
import { tempDb } from "./helpers";

describe("session check", () => {
  it("accepts a live session; a database failure is no verdict: it throws DatabaseUnavailable and logs one JSON line without the token", async () => {
    const { db, cleanup } = tempDb();
    const lines: string[] = [];
    logTo({ write: (line: string) => void lines.push(line) });
    try {
      const id = await createUser(db, { email: "s@example.com", password: "Correct-Horse-Battery-42" });
      const token = { sid: "sid-secret-value", sub: id, stamp: (await getUserAccess(db, id))!.securityStamp, authTime: Date.now() };
      assert.equal(await sessionStillValid(db, token), true);
      db.run(sql`drop table revoked_sessions`);
      const { result, failed } = await watchSessionChecks(() => sessionStillValid(db, token).catch((e: unknown) => e));
      assert.ok(result instanceof DatabaseUnavailable);
      assert.equal(failed, true);
      await assert.rejects(checkedSessionUser(db, token), DatabaseUnavailable);
      // The second failure of the same cause within a second is counted, not logged.
      assert.equal(lines.length, 1);
      const entry = JSON.parse(lines[0]!) as { event: string; cause: { code: string; message: string } };
      assert.equal(entry.event, "session check failed");
      assert.equal(entry.cause.code, "SQLITE_ERROR");
      assert.match(entry.cause.message, /no such table/);
      assert.doesNotMatch(lines[0]!, new RegExp(`${token.sid}|${token.stamp}|${id}|select`, "i"));
    } finally {
      await cleanup();
    }
  });
});

describe("write transactions", () => {
  it("all go through writeTransaction (BEGIN IMMEDIATE), so concurrent writers wait instead of failing", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && file !== path.join("lib", "db", "index.ts") && /\.transaction\(/.test(fs.readFileSync(file, "utf8"))) offenders.push(file);
      }
    };
    for (const dir of ["lib", "app", "scripts"]) walk(dir);
    assert.deepEqual(offenders, []);
  });
});
