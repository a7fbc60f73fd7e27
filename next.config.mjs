import createNextIntlPlugin from "next-intl/plugin";

// The locale of each request and its messages: lib/i18n/request.ts (no locale in the URL).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// `npm run bench` builds with GATEHOUSE_BENCH=1: into its own directory, with the
// bare floor page (app/bench-floor/page.bench.tsx) that a normal build leaves out.
const bench = process.env.GATEHOUSE_BENCH === "1";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["better-sqlite3"],
  ...(bench ? { distDir: ".next-bench", pageExtensions: ["tsx", "ts", "bench.tsx"] } : {}),
  experimental: {
    // forbidden() and app/forbidden.tsx: real 403 responses from pages and actions.
    authInterrupts: true,
  },
  // The Content-Security-Policy (with a per-request nonce) is set by middleware.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
