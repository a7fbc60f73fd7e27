import type { Metadata, Viewport } from "next";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/lib/i18n/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";
import { TimeZoneCookie } from "@/components/time-zone-cookie";

/** Languages written right to left (their base code): the page's `dir`. */
const RTL = new Set(["ar", "arc", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"]);

/** Every page's title ends in the product's name ("Items · Gatehouse"), from the messages like every other word. */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  const product = t("productName");
  return { title: { default: product, template: `%s · ${product}` }, description: t("description"), robots: { index: false, follow: false } };
}

// Phones lay the page out at their own width instead of zooming out a desktop page.
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** Every page's first Tab stop skips the header and navigation to `<main id="content">`. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("nav")]);
  return (
    <html lang={locale} dir={RTL.has(locale.split("-")[0]!) ? "rtl" : "ltr"}>
      <body className="min-h-screen">
        <a href="#content" className="skip-link">
          {t("skipLink")}
        </a>
        {/* app/error.tsx renders inside: its words only. */}
        <ClientMessages namespaces={["errors.failure"]}>{children}</ClientMessages>
        <TimeZoneCookie />
      </body>
    </html>
  );
}
