import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { keepOnSite } from "@/lib/net/site-url";

// Auth.js builds its error redirects from the request's URL, the listen address behind a proxy.
export const GET = async (req: NextRequest) => keepOnSite(req.url, await handlers.GET(req));
export const POST = async (req: NextRequest) => keepOnSite(req.url, await handlers.POST(req));
