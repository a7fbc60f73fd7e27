import assert from "node:assert/strict";
import { afterEach, beforeEach, describe, it } from "node:test";
import { and, eq } from "drizzle-orm";
import type { Db } from "../lib/db";
import { auditLog, recoveryCodes, users } from "../lib/db/schema";
import { seed } from "../lib/db/seed";
import { env } from "../lib/env";
import { UserFacingError } from "../lib/errors";
import { regenerateRecoveryCodes } from "../lib/auth/two-factor/store";
import { updateUser } from "../lib/users/service";
import { tempDb } from "./helpers";

/**
 * Two-factor changes are operator saves of the users row: columns that are no
 * form field, the recovery codes and the audit entry in the pipeline's one transaction.
 */

env.AUTH_SECRET ??= "unit-test-secret-0123456789abcdef0123456789";
const actor = { id: null, email: "operator@example.com", address: null };

describe("two-factor writes through the users' pipeline", () => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let userId: string;
  const row = () => db.select().from(users).where(eq(users.id, userId)).get()!;
  const codes = () => db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId)).all();
  const entries = (action: string) => db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.recordId, userId))).all();

  beforeEach(async () => {
    ({ db, cleanup } = tempDb());
    await seed(db, { demoUsers: true, items: 0 });
    userId = db.select({ id: users.id }).from(users).where(eq(users.email, "someone@example.com")).get()!.id;
  });
  afterEach(() => cleanup());

  it("an operator save sets non-form columns and other tables with a summarised audit entry, or nothing when the step refuses", async () => {
    const stamp = row().securityStamp;
    const done = await updateUser(db, userId, {}, actor, {
      auditAction: "probe",
      auditSummary: "why",
      columns: { totpLastStep: 7 },
      hooks: { endSessions: true },
      inTransaction: async (tx, id) => void (await tx.insert(recoveryCodes).values({ userId: String(id), codeHash: "h" })),
    });
    assert.equal(done.ok, true);
    assert.equal(row().totpLastStep, 7);
    assert.notEqual(row().securityStamp, stamp, "the sessions end");
    assert.equal(codes().length, 1);
    assert.deepEqual(entries("probe").map((e) => e.summary), ["why"]);

    const refused = await updateUser(db, userId, {}, actor, {
      auditAction: "probe",
      columns: { totpLastStep: 9 },
      inTransaction: async (tx, id) => {
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, String(id)));
        throw new UserFacingError("Not now.");
      },
    });
    assert.deepEqual(refused, { ok: false, message: "Not now." });
    assert.equal(row().totpLastStep, 7);
    assert.equal(codes().length, 1);
    assert.equal(entries("probe").length, 1);
  });

  it("new recovery codes end the sessions and are audited once with the actor", async () => {
    const stamp = row().securityStamp;
    const fresh = await regenerateRecoveryCodes(db, userId, actor);
    assert.equal(fresh.length, 10);
    assert.equal(codes().length, 10);
    assert.notEqual(row().securityStamp, stamp);
    assert.deepEqual(entries("recovery-codes-regenerate").map((e) => e.actorEmail), ["operator@example.com"]);
  });
});
