import { inngest } from "./client";

export type FunctionOptions = {
  id: string;
  /** `if`: a CEL condition on the event (Inngest evaluates it before starting a run; so does the in-process runner). */
  triggers: ({ event: string; if?: string } | { cron: string })[];
  retries?: number;
  debounce?: { key?: string; period: string | number; timeout?: string | number };
  singleton?: { key?: string; mode: "skip" | "cancel" };
  concurrency?: { key?: string; limit: number } | { key?: string; limit: number }[];
  throttle?: { key?: string; limit: number; period: string | number; burst?: number };
  cancelOn?: { event: string; match?: string; if?: string; timeout?: string | number }[];
  idempotency?: string;
};

type AnyHandler = (ctx: never) => unknown;
export type Registered = { options: FunctionOptions; handler: AnyHandler };

// The in-process runner needs the handler and options; the SDK keeps its handler private.
export const registry = new WeakMap<object, Registered>();

/** `inngest.createFunction` that also records options and handler for the in-process runner. */
export const defineFunction = ((options: FunctionOptions, handler: AnyHandler) => {
  const fn = (inngest.createFunction as (o: unknown, h: unknown) => object)(options, handler);
  registry.set(fn, { options, handler });
  return fn;
}) as unknown as typeof inngest.createFunction;
