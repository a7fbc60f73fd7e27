import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { ClientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Gatehouse", template: "%s · Gatehouse" },
  description: "A secured admin panel.",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={await getLocale()}>
      <body className="min-h-screen">
        {/* app/error.tsx renders inside: its words only. */}
        <ClientMessages namespaces={["errors.failure"]}>{children}</ClientMessages>
      </body>
    </html>
  );
}
