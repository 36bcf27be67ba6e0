import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several dev servers or a build and a dev server share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "sharp"],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
};

export default nextConfig;
