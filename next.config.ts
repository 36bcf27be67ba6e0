import type { NextConfig } from "next";
import { apiContentSecurityPolicy, baseSecurityHeaders } from "./lib/security/headers";

const base = Object.entries(baseSecurityHeaders).map(([key, value]) => ({ key, value }));
// The proxy sets the full set on pages; these paths skip the proxy, so they get theirs here.
const machine = [...base, { key: "Content-Security-Policy", value: apiContentSecurityPolicy }, { key: "X-Frame-Options", value: "DENY" }];

const nextConfig: NextConfig = {
  // Lets several dev servers or a build and a dev server share one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "sharp"],
  poweredByHeader: false,
  // Vehicle photos are uploaded through a server action (validated to 10 MB in lib/inventory/photos.ts).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "11mb" } },
  async headers() {
    return [
      { source: "/api/webhooks/:path*", headers: machine },
      { source: "/api/inngest", headers: machine },
      { source: "/media/:path*", headers: base },
      { source: "/_next/static/:path*", headers: base },
    ];
  },
};

export default nextConfig;
