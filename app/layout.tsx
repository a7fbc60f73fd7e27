import type { Metadata } from "next";
import "./globals.css";
import { TimeZoneCookie } from "@/components/time-zone-cookie";

export const metadata: Metadata = {
  title: { default: "Gatehouse", template: "%s · Gatehouse" },
  description: "A secured admin panel.",
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        {children}
        <TimeZoneCookie />
      </body>
    </html>
  );
}
