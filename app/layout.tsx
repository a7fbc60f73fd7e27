import type { Metadata, Viewport } from "next";
import { getLocale } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";
import { TimeZoneCookie } from "@/components/time-zone-cookie";

const SKIP_LINK = "Skip to content";

export const metadata: Metadata = {
  title: { default: "Gatehouse", template: "%s · Gatehouse" },
  description: "A secured admin panel.",
  robots: { index: false, follow: false },
};

// Phones lay the page out at their own width instead of zooming out a desktop page.
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** Every page's first Tab stop skips the header and navigation to `<main id="content">`. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={await getLocale()}>
      <body className="min-h-screen">
        <a href="#content" className="skip-link">
          {SKIP_LINK}
        </a>
        {/* app/error.tsx renders inside: its words only. */}
        <ClientMessages namespaces={["errors.failure"]}>{children}</ClientMessages>
        <TimeZoneCookie />
      </body>
    </html>
  );
}
