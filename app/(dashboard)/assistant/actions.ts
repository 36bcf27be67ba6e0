"use server";

import { z } from "zod";
import { authorize } from "@/lib/auth";
import { languages } from "@/lib/assistant/types";
import { tryAssistantReply, type PlaygroundReply } from "@/lib/assistant/playground";

export type TryAssistantResult = { ok: true; data: PlaygroundReply } | { ok: false; error: string; fieldErrors?: { message?: string } };

const MAX_MESSAGE_CHARS = 1000;
const text = z.string().trim().min(1).max(2000);
const memory = z.object({
  proposedCodes: z.array(z.string().max(20)).max(10),
  offeredSlots: z.array(z.string().datetime()).max(10),
  focusCode: z.string().max(20).nullable(),
});
const input = z.object({
  message: z.string().trim().min(1, "Type a message as a shopper would.").max(MAX_MESSAGE_CHARS, `Keep it under ${MAX_MESSAGE_CHARS} characters.`),
  // The last few turns are enough for follow-ups; the pipeline itself reads no more than 30 messages.
  turns: z.array(z.discriminatedUnion("role", [
    z.object({ role: z.literal("shopper"), text }),
    z.object({ role: z.literal("assistant"), text, lang: z.enum(languages), memory }),
  ])).max(20),
});

/** Any signed-in role may try the assistant: it answers from this dealership's stock and keeps nothing. */
export async function tryAssistantAction(raw: unknown): Promise<TryAssistantResult> {
  const auth = await authorize("sales");
  if (!auth.ok) return auth;
  const parsed = input.safeParse(raw);
  if (!parsed.success) {
    const messageIssue = parsed.error.issues.find((i) => i.path[0] === "message");
    if (messageIssue) return { ok: false, error: "Check the message.", fieldErrors: { message: messageIssue.message } };
    return { ok: false, error: "The conversation could not be read. Start a new one and try again." };
  }
  const tenant = auth.session.tenant;
  try {
    return { ok: true, data: await tryAssistantReply(tenant, parsed.data) };
  } catch (err) {
    console.error(`[assistant playground] tenant ${tenant.id}: ${(err as Error).stack ?? err}`);
    return { ok: false, error: "The assistant could not answer just now. Try again in a moment." };
  }
}
