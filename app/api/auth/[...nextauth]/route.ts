import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { watchSessionChecks } from "@/lib/auth/session-check";
import { answerLocale } from "@/lib/net/answer-words";
import { databaseUnavailableResponse } from "@/lib/net/unavailable";
import { keepOnSite } from "@/lib/net/site-url";

type Handler = (req: NextRequest) => Promise<Response>;

/**
 * Auth.js's endpoints, GET and POST alike. An answer built on a session check
 * that failed (the database) would clear the cookie: a 503 goes out instead.
 * Auth.js builds its error redirects from the request's URL, the listen
 * address behind a proxy, so they are kept on the site.
 */
function guarded(handler: Handler): Handler {
  return async (req) => {
    const { result, failed } = await watchSessionChecks(() => handler(req));
    return failed ? await databaseUnavailableResponse(false, "/", answerLocale(req.headers.get("accept-language"))) : keepOnSite(req.url, result);
  };
}

export const GET = guarded(handlers.GET);
export const POST = guarded(handlers.POST);
