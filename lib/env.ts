import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.string().default("development"),
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().default(".data/pglite"),
  CLERK_SECRET_KEY: z.string().optional(),
  NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: z.string().optional(),
  CLERK_JWT_KEY: z.string().optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_BASE_URL: z.string().url().optional(),
  ANTHROPIC_MODEL: z.string().default("claude-sonnet-4-6"),
  // How long the assistant waits for a shopper's burst of messages to end before answering.
  ASSISTANT_DEBOUNCE_MS: z.coerce.number().int().min(0).default(3000),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  META_APP_SECRET: z.string().optional(),
  META_VERIFY_TOKEN: z.string().optional(),
  META_GRAPH_URL: z.string().url().default("https://graph.facebook.com/v21.0"),
  APP_ENCRYPTION_KEY: z.string().optional(),
  ROOT_DOMAIN: z.string().default("localhost:3000"),
  // Where dealers point their own domains: a CNAME to this host (default: ROOT_DOMAIN's host), or A records to these
  // comma-separated addresses (default: the CNAME host's own addresses).
  CUSTOM_DOMAIN_CNAME: z.string().optional(),
  CUSTOM_DOMAIN_IPS: z.string().optional(),
  // The port this server listens on (next start sets it); the dealer-site page cache renders pages through it.
  PORT: z.coerce.number().int().positive().default(3000),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("Forecourt <no-reply@forecourt.local>"),
  DATA_DIR: z.string().default(".data"),
  FORECOURT_SEED: z.enum(["auto", "off"]).default("auto"),
  // Tests serve feeds from 127.0.0.1; in production feed URLs may never reach the machine itself.
  FEED_ALLOW_LOOPBACK: z.enum(["0", "1", "false", "true"]).default("0").transform((v) => v === "1" || v === "true"),
});

export type Env = z.infer<typeof schema> & {
  modes: {
    db: "postgres" | "pglite";
    auth: "clerk" | "local";
    ai: "claude" | "offline";
    jobs: "inngest" | "in-process";
    meta: "configured" | "embedded";
  };
  metaAppSecret: string;
  metaVerifyToken: string;
};

let cached: Env | null = null;

function parse(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = result.data;
  const metaConfigured = Boolean(e.META_APP_SECRET && e.META_VERIFY_TOKEN);
  return {
    ...e,
    modes: {
      db: e.DATABASE_URL ? "postgres" : "pglite",
      auth: e.CLERK_SECRET_KEY && e.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY ? "clerk" : "local",
      ai: e.ANTHROPIC_API_KEY ? "claude" : "offline",
      jobs: (e.INNGEST_EVENT_KEY && e.INNGEST_SIGNING_KEY) || e.INNGEST_DEV ? "inngest" : "in-process",
      meta: metaConfigured ? "configured" : "embedded",
    },
    // Embedded defaults from CONTRACTS §1–2; never used once the real variables are set.
    metaAppSecret: e.META_APP_SECRET ?? "dev-app-secret",
    metaVerifyToken: e.META_VERIFY_TOKEN ?? "dev-verify-token",
  };
}

/** The one place that reads process.env. */
export function env(): Env {
  cached ??= parse(process.env);
  return cached;
}

/** Tests change variables between cases; production never calls this. */
export function reloadEnv(): Env {
  cached = null;
  return env();
}
