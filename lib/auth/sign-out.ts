import "server-only";
import { headers } from "next/headers";
import { writeAudit } from "../audit";
import { getDb, writeTransaction } from "../db";
import { clientAddress } from "../net/client-address";
import { rotateSecurityStamp } from "../users/security-stamp";
import { signOut } from "./config";
import { getSession } from "./dal";

/**
 * Ends this session (Auth.js's signOut event revokes its id); with
 * `everywhere`, first rotates the user's security stamp so that every other
 * session ends too. Harmless when nobody is signed in.
 */
export async function endSessions(everywhere: boolean): Promise<void> {
  const user = everywhere ? await getSession() : null;
  if (user) {
    const address = clientAddress(await headers());
    await writeTransaction(getDb(), async (tx) => {
      await rotateSecurityStamp(tx, user.id);
      await writeAudit(tx, { id: user.id, email: user.email, address }, { action: "sign-out-everywhere", resource: "users", recordId: user.id });
    });
  }
  await signOut({ redirect: false });
}
