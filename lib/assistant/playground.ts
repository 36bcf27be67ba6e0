import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { contacts, conversations, leads, messages, vehicles } from "@/db/schema";
import { stageLabels } from "@/lib/inbox/labels";
import { withTenant } from "@/db/tenant";
import { formatDateTime, formatPrice } from "@/lib/format";
import type { Tenant } from "@/lib/tenancy";
import { loadConversationContext, offeredStock } from "./context";
import type { ReplyMemory } from "./offline";
import { generateReply, type GeneratedReply } from "./pipeline";
import type { Intent, Lang } from "./types";

export type PlaygroundTurn =
  | { role: "shopper"; text: string }
  | { role: "assistant"; text: string; lang: Lang; memory: ReplyMemory };

export type PlaygroundVehicle = { code: string; label: string };

export type PlaygroundReply = {
  text: string;
  engine: "claude" | "offline";
  /** What the stock check found in Claude's first answer, which this one replaced. */
  stockCheck?: string[];
  lang: Lang;
  intents: Intent[];
  memory: ReplyMemory;
  vehicles: PlaygroundVehicle[];
  /** What a real conversation would have led to; in the playground none of it happened. */
  wouldDo: string[];
};

class RollBack extends Error {
  constructor(readonly reply: PlaygroundReply) {
    super("playground: roll back");
  }
}

/**
 * The reply a WhatsApp shopper would get, computed by the real pipeline against live stock, with
 * nothing kept: a throwaway contact, lead and conversation hold the turns inside one transaction
 * that every tool shares, and that transaction is always rolled back.
 */
export async function tryAssistantReply(tenant: Tenant, o: { turns: PlaygroundTurn[]; message: string; now?: Date }): Promise<PlaygroundReply> {
  const now = o.now ?? new Date();
  try {
    await withTenant(tenant.id, async (tx) => {
      const [contact] = await tx.insert(contacts).values({ tenantId: tenant.id, name: "Playground shopper", email: `playground-${randomUUID()}@playground.invalid` }).returning();
      const [lead] = await tx.insert(leads).values({ tenantId: tenant.id, contactId: contact.id, source: "whatsapp", lastActivityAt: now }).returning();
      const [conversation] = await tx.insert(conversations).values({ tenantId: tenant.id, contactId: contact.id, leadId: lead.id, channelId: null, medium: "playground" }).returning();
      // Explicit, increasing times: now() is the same for every row of one PostgreSQL transaction.
      const turns: PlaygroundTurn[] = [...o.turns, { role: "shopper", text: o.message }];
      await tx.insert(messages).values(turns.map((t, i) => ({
        tenantId: tenant.id, conversationId: conversation.id, channelId: null, type: "text", body: t.text,
        createdAt: new Date(now.getTime() - (turns.length - 1 - i) * 1000),
        ...(t.role === "shopper"
          ? { direction: "inbound" as const, senderKind: "customer" as const, status: "received" as const }
          : { direction: "outbound" as const, senderKind: "assistant" as const, status: "sent" as const, meta: { memory: t.memory, language: t.lang } }),
      })));
      const ctx = await loadConversationContext(tenant, conversation.id, now, tx);
      if (!ctx) throw new Error("playground conversation vanished");
      const r = await generateReply(tenant, ctx, now, tx);
      const codes = [...new Set([...r.memory.proposedCodes, ...(r.memory.focusCode ? [r.memory.focusCode] : [])])];
      const named = codes.length === 0 ? [] : await offeredStock(tx, tenant.id, inArray(vehicles.code, codes));
      throw new RollBack(summarize(tenant, r, codes, named));
    });
  } catch (err) {
    if (err instanceof RollBack) return err.reply;
    throw err;
  }
  throw new Error("playground transaction was not rolled back");
}

function summarize(tenant: Tenant, r: GeneratedReply, codes: string[], stock: { code: string; make: string; model: string; year: number; price: number }[]): PlaygroundReply {
  const cars = codes.flatMap((code) => {
    const v = stock.find((s) => s.code === code);
    return v ? [{ code, label: `${v.make} ${v.model} ${v.year} · ${formatPrice(v.price, tenant.currency, tenant.locale)}` }] : [];
  });
  const a = r.actions;
  const wouldDo = [
    a.booking && `${a.booking.movedFrom ? "move" : "book"} the ${a.booking.kind === "visit" ? "visit" : "test drive"} in the calendar`,
    ...(a.cancelled ?? []).map((c) => `cancel the shopper's ${c.kind === "visit" ? "visit" : "test drive"} of ${formatDateTime(new Date(c.start), tenant.locale, tenant.timeZone)} and tell your team`),
    a.handover && `hand the conversation to your team (${a.handover})`,
    a.hot && `mark the lead hot (${a.hot})`,
    a.wish && `pass the shopper's wish on to your team (${a.wish})`,
    a.optOut && "opt the shopper out of further messages",
    a.stage && `move the lead to ${stageLabels[a.stage].toLowerCase()}`,
  ].filter((x): x is string => Boolean(x));
  return { text: r.text, engine: r.engine, lang: r.lang, intents: r.intents, memory: r.memory, vehicles: cars, wouldDo, ...(r.stockCheck ? { stockCheck: r.stockCheck } : {}) };
}
