import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { flushOutbox } from "@/lib/mail/flush";

/**
 * POST /api/mail/flush, for a scheduler on hosts where no server runs
 * between requests: sends what is due in the outbox. It needs
 * `Authorization: Bearer <MAIL_FLUSH_SECRET>`; without that setting it
 * refuses every call. No session, no cookies: the secret is the caller's proof.
 */

export const dynamic = "force-dynamic";

function authorized(header: string | null): boolean {
  const secret = env.MAIL_FLUSH_SECRET;
  if (!secret || !header?.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const wanted = Buffer.from(secret);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export async function POST(request: Request): Promise<Response> {
  if (!authorized(request.headers.get("authorization"))) {
    return new Response("Unauthorized\n", { status: 401, headers: { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer", "cache-control": "no-store" } });
  }
  const result = await flushOutbox();
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
