import { endSessions } from "@/lib/auth/sign-out";
import { redirectOnSite } from "@/lib/net/site-url";

/**
 * Sign-out as a plain form POST (same-origin only, like every POST: see
 * middleware.ts). The answer is a full page load of /login, so no client-side
 * router cache of the ended session survives for the back button.
 */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  await endSessions(form?.get("everywhere") === "1");
  return redirectOnSite("/login");
}
