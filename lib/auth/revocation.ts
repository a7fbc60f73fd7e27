import { lt } from "drizzle-orm";
import { writeTransaction, type Db } from "../db";
import { revokedSessions } from "../db/schema";

/** Refuses this session id from now on; forgets ids whose tokens have expired anyway. */
export function revokeSession(db: Db, sid: string, until: Date): void {
  writeTransaction(db, (tx) => {
    tx.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date())).run();
    tx.insert(revokedSessions).values({ sid, expiresAt: until }).onConflictDoNothing().run();
  });
}
