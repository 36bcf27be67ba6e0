import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets several dev servers or a build and a dev server share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "sharp"],
  poweredByHeader: false,
  // Vehicle photos are uploaded through a server action (validated to 10 MB in lib/inventory/photos.ts).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" } },
};

export default nextConfig;
