import { and, asc, eq, inArray, lte } from "drizzle-orm";
import { getDb, writeTransaction, type Db } from "../db";
import { mailOutbox } from "../db/schema/mail";
import { env } from "../env";
import { log } from "../log";
import { afterFailure } from "./backoff";
import { mailDelivery } from "./config";
import { deliver } from "./transport";

/**
 * Sends what is due in the outbox: new mails and those whose retry time has
 * come. Each row is claimed first (its due time moved on by a lease, only if
 * no one else moved it), so two flushes, in one process or many, never send
 * one mail twice at once. A mail the server refuses waits by the backoff
 * schedule (MAIL_RETRY_SECONDS) and has failed after the last step.
 */

const BATCH = 50;
/** How long a claimed mail is left to its sender before another flush may try it. */
const LEASE_MS = 5 * 60_000;

export interface FlushResult {
  sent: number;
  failed: number;
  retrying: number;
}

async function claim(db: Db, id: number, due: Date, now: Date): Promise<boolean> {
  const rows = await writeTransaction(db, (tx) =>
    tx
      .update(mailOutbox)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(and(eq(mailOutbox.id, id), eq(mailOutbox.nextAttemptAt, due), inArray(mailOutbox.status, ["queued", "retrying"])))
      .returning({ id: mailOutbox.id }),
  );
  return rows.length === 1;
}

export async function flushOutbox(db: Db = getDb(), now: Date = new Date()): Promise<FlushResult> {
  const result: FlushResult = { sent: 0, failed: 0, retrying: 0 };
  if (mailDelivery() === "none") return result;
  const due = await db
    .select()
    .from(mailOutbox)
    .where(and(inArray(mailOutbox.status, ["queued", "retrying"]), lte(mailOutbox.nextAttemptAt, now)))
    .orderBy(asc(mailOutbox.nextAttemptAt))
    .limit(BATCH);
  for (const mail of due) {
    if (!(await claim(db, mail.id, mail.nextAttemptAt, now))) continue;
    const attempts = mail.attempts + 1;
    try {
      await deliver(mail);
      // Delivered: the links in it live on only in the recipient's mailbox (the console keeps them for /dev/mail).
      const body = mailDelivery() === "console" ? {} : { text: null, html: null };
      await writeTransaction(db, (tx) => tx.update(mailOutbox).set({ status: "sent", attempts, sentAt: new Date(), lastError: null, ...body }).where(eq(mailOutbox.id, mail.id)));
      result.sent += 1;
    } catch (error) {
      const next = afterFailure(attempts, env.MAIL_RETRY_SECONDS, new Date());
      const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      await writeTransaction(db, (tx) => tx.update(mailOutbox).set({ attempts, lastError, ...next }).where(eq(mailOutbox.id, mail.id)));
      result[next.status] += 1;
      log.warn({ event: "mail-failed", outboxId: mail.id, attempts, status: next.status, error: lastError }, "mail not sent");
    }
  }
  return result;
}

const g = globalThis as unknown as { gatehouseMailFlush?: { running: Promise<void> | null; again: boolean } };
const state = (g.gatehouseMailFlush ??= { running: null, again: false });

/**
 * Sends what is due, in the background, after a change committed: one flush
 * at a time in this process, and one more if asked while it ran. Failures are
 * the outbox's to retry; nothing is thrown at the caller.
 */
export function sendSoon(db: Db = getDb()): Promise<void> {
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    do {
      state.again = false;
      try {
        await flushOutbox(db);
      } catch (error) {
        log.error({ event: "mail-flush-error", error: error instanceof Error ? error.message : String(error) }, "mail flush failed");
      }
    } while (state.again);
    state.running = null;
  })();
  return state.running;
}
