import { afterAll, afterEach, beforeAll } from "vitest";
import { resetClock } from "@/inngest/local/clock";
import { reloadEnv } from "@/lib/env";
import { carefulModel, startFakeAnthropic } from "../fakes/anthropic-server";

export type FakeClaude = Awaited<ReturnType<typeof startFakeAnthropic>>;

/**
 * For a test file: the Claude path, through the real SDK against the fake Messages API on loopback, started before the
 * file's tests and closed after them; after each test the clock is reset and the careful model answers again. The
 * handle is filled in when the fake starts, so the tests use it as it is.
 */
export function useFakeClaude(): FakeClaude {
  const claude = {} as FakeClaude;
  beforeAll(async () => {
    Object.assign(claude, await startFakeAnthropic());
    process.env.ANTHROPIC_API_KEY = "sk-test";
    process.env.ANTHROPIC_BASE_URL = claude.url;
    reloadEnv();
  });
  afterAll(async () => {
    delete process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_BASE_URL;
    reloadEnv();
    resetClock();
    await claude.close();
  });
  afterEach(() => {
    resetClock();
    claude.use(carefulModel);
  });
  return claude;
}
