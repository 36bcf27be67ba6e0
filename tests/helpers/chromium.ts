import fs from "node:fs";

/** Debian's Chromium (no browser download), or the one PLAYWRIGHT_CHROMIUM names. */
export function findChromium(): string | null {
  for (const p of [process.env.PLAYWRIGHT_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (p && fs.existsSync(p)) return p;
  }
  return null;
}

// Without the networking flags Chromium keeps dialling Google's services, which this machine refuses.
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
