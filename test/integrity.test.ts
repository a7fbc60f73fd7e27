import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { sql } from "drizzle-orm";
import { sessionStillValid } from "../lib/auth/session-check";
import { createUser } from "../lib/users/service";
import { getUserAccess } from "../lib/users/queries";
import { tempDb } from "./helpers";

describe("session check", () => {
  it("accepts a live session, and on a database failure logs one line without the token and ends the session", async () => {
    const { db, cleanup } = tempDb();
    try {
      const id = await createUser(db, { email: "s@example.com", password: "Correct-Horse-Battery-42" });
      const token = { sid: "sid-secret-value", sub: id, stamp: (await getUserAccess(db, id))!.securityStamp, authTime: Date.now() };
      const lines: string[] = [];
      assert.equal(await sessionStillValid(db, token, (l) => lines.push(l)), true);
      db.run(sql`drop table revoked_sessions`);
      assert.equal(await sessionStillValid(db, token, (l) => lines.push(l)), false);
      assert.equal(lines.length, 1);
      assert.match(lines[0]!, /session check failed \(SQLITE_ERROR\): no such table/);
      assert.doesNotMatch(lines[0]!, new RegExp(`${token.sid}|${token.stamp}|${id}`));
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
