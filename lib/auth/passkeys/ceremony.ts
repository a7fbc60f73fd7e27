import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { cookies, headers } from "next/headers";
import { writeTransaction, type Db } from "../../db";
import { passkeyChallenges } from "../../db/schema";
import { randomToken } from "../../random";

/**
 * A WebAuthn ceremony in progress (adding a passkey, signing in with one, or
 * the code step answered with one). The challenge the authenticator signs is
 * kept on the server with what it is for and whose it is; the browser that
 * asked holds only a random token in an httpOnly cookie. A challenge is taken
 * once (its row deleted) and lives a few minutes: an answer replayed, sent
 * from another browser, or for another purpose finds nothing.
 */

export type CeremonyPurpose = "register" | "sign-in" | "second-factor";

export const CEREMONY_COOKIE = "gatehouse.passkey";
export const CEREMONY_TTL_MS = 5 * 60_000;

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

async function secure(): Promise<boolean> {
  return process.env.AUTH_URL?.startsWith("https:") || (await headers()).get("x-forwarded-proto") === "https";
}

/** Opens a ceremony for this browser (replacing the one it had open). */
export async function openCeremony(db: Db, purpose: CeremonyPurpose, challenge: string, userId: string | null): Promise<void> {
  const jar = await cookies();
  const token = randomToken();
  const previous = jar.get(CEREMONY_COOKIE)?.value;
  const now = Date.now();
  await writeTransaction(db, async (tx) => {
    await tx.delete(passkeyChallenges).where(lt(passkeyChallenges.expiresAt, new Date(now)));
    if (previous && previous.length <= 100) await tx.delete(passkeyChallenges).where(eq(passkeyChallenges.tokenHash, hash(previous)));
    await tx.insert(passkeyChallenges).values({ tokenHash: hash(token), purpose, challenge, userId, expiresAt: new Date(now + CEREMONY_TTL_MS) });
  });
  jar.set(CEREMONY_COOKIE, token, { httpOnly: true, sameSite: "strict", path: "/", secure: await secure(), maxAge: CEREMONY_TTL_MS / 1000 });
}

/** Takes this browser's live ceremony of `purpose`, once: the challenge and the user it was opened for, or null. */
export async function takeCeremony(db: Db, purpose: CeremonyPurpose): Promise<{ challenge: string; userId: string | null } | null> {
  const jar = await cookies();
  const token = jar.get(CEREMONY_COOKIE)?.value;
  if (!token || token.length > 100) return null;
  jar.delete(CEREMONY_COOKIE);
  const [taken] = await writeTransaction(db, (tx) =>
    tx
      .delete(passkeyChallenges)
      .where(and(eq(passkeyChallenges.tokenHash, hash(token)), eq(passkeyChallenges.purpose, purpose), gt(passkeyChallenges.expiresAt, new Date())))
      .returning({ challenge: passkeyChallenges.challenge, userId: passkeyChallenges.userId }),
  );
  return taken ?? null;
}
