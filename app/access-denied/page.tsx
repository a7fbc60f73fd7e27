import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("errors.forbidden"))("title") };
}
export const dynamic = "force-dynamic";

/**
 * Middleware's own refusals render here (a rewrite: the address stays), so
 * they are app/forbidden.tsx with a real 403, like a page's. Asked for by its
 * own address it is refused the same way: there is nothing else to see.
 */
export default function AccessDenied(): never {
  forbidden();
}
