import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Security headers on every response (README "Security"). Next's bootstrap is inline,
// so scripts need 'unsafe-inline'; development also needs eval and the HMR socket.
const isDev = process.env.NODE_ENV === "development";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src 'self'${isDev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "base-uri 'self'",
].join("; ");
const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Strict-Transport-Security is decided at run time by the proxy (lib/auth/transport-security.ts).
];

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
  // Several checkouts (and the e2e suite) may build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships WASM and data files that must be loaded from node_modules at run
  // time; bundling them would also publish them as static assets.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg-boss", "az", "petrovich", "lvovich", "linkedom", "jschardet"],
  // The browser tests' build skips Next's own type check: `npm test` has just run
  // `tsc --noEmit` over the same project, and a type error in a test file is not the app's.
  typescript: { ignoreBuildErrors: process.env.CHRONICLE_BUILD_SKIP_TYPECHECK === "1" },
  poweredByHeader: false,
  // Pasted text may be 1,000,000 characters (lib/ingest/limits.ts): at most 3 bytes each
  // in UTF-8 (about 2 MB of Cyrillic), plus the form's other fields. Longer text is
  // refused in the browser with the "too long" message before it is sent.
  experimental: { serverActions: { bodySizeLimit: "4mb" } },
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
