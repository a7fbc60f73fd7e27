import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { watchSessionChecks } from "@/lib/auth/session-check";
import { databaseUnavailableResponse } from "@/lib/net/unavailable";

/** Auth.js's endpoints; a session read whose check failed (the database) answers 503 instead of clearing the cookie. */
export async function GET(req: NextRequest): Promise<Response> {
  const { result, failed } = await watchSessionChecks(() => handlers.GET(req));
  return failed ? databaseUnavailableResponse(false, "/") : result;
}

export const { POST } = handlers;
