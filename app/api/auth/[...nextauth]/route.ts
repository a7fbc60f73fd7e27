import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { watchSessionChecks } from "@/lib/auth/session-check";
import { databaseUnavailableResponse } from "@/lib/net/unavailable";
import { keepOnSite } from "@/lib/net/site-url";

/**
 * Auth.js's endpoints. A session read whose check failed (the database)
 * answers 503 instead of clearing the cookie; redirects that Auth.js builds
 * from the request's URL (the listen address behind a proxy) stay on the site.
 */
export async function GET(req: NextRequest): Promise<Response> {
  const { result, failed } = await watchSessionChecks(() => handlers.GET(req));
  return failed ? databaseUnavailableResponse(false, "/") : keepOnSite(req.url, result);
}

export const POST = async (req: NextRequest) => keepOnSite(req.url, await handlers.POST(req));
