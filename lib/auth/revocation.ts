import { lt } from "drizzle-orm";
import { writeTransaction, type Db } from "../db";
import { revokedSessions } from "../db/schema";

/** Refuses this session id from now on; forgets ids whose tokens have expired anyway. */
export async function revokeSession(db: Db, sid: string, until: Date): Promise<void> {
  await writeTransaction(db, async (tx) => {
    await tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()));
    await tx.insert(revokedSessions).values({ sid, expiresAt: until }).onConflictDoNothing();
  });
}
