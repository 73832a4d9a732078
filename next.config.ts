import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Several checkouts (and the e2e suite) may build side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite ships WASM and data files that must be loaded from node_modules at run
  // time; bundling them would also publish them as static assets.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg-boss", "az", "petrovich", "lvovich", "linkedom", "jschardet"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
