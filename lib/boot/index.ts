import { getDbHandle } from "@/db/client";
import { env } from "@/lib/env";

const state = globalThis as unknown as { __forecourtBooted?: Promise<void> };

/** Server start: migrate, seed the demo in embedded mode, start the in-process job runner, say which modes are active. */
export function boot(): Promise<void> {
  state.__forecourtBooted ??= (async () => {
    const e = env();
    const handle = await getDbHandle();
    if (handle.kind === "pglite" && e.FORECOURT_SEED === "auto") {
      const { ensureDemoData } = await import("@/db/seed");
      await ensureDemoData();
    }
    if (e.modes.jobs === "in-process") {
      const { startLocalWorker } = await import("@/inngest/local/runner");
      startLocalWorker();
    }
    printModes();
  })();
  return state.__forecourtBooted;
}

function printModes() {
  const e = env();
  const m = e.modes;
  const lines = [
    `database:   ${m.db === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite, embedded (${e.PGLITE_DIR})`}`,
    `auth:       ${m.auth === "clerk" ? "Clerk" : "local accounts"}`,
    `assistant:  ${m.ai === "claude" ? `Claude (${e.ANTHROPIC_MODEL})` : "offline assistant"}`,
    `jobs:       ${m.jobs === "inngest" ? "Inngest" : "in-process runner"}`,
    `meta:       ${m.meta === "configured" ? "META_APP_SECRET / META_VERIFY_TOKEN set" : `embedded: app secret "${e.metaAppSecret}", verify token "${e.metaVerifyToken}"`}`,
    `sites:      http://{slug}.${e.ROOT_DOMAIN}`,
  ];
  if (m.db === "pglite") lines.push(`feed secrets: dev-feed-{slug} (e.g. dev-feed-demo-nl)`);
  console.log(`\n[forecourt] modes\n  ${lines.join("\n  ")}\n`);
}
