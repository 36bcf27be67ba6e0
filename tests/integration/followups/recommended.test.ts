import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { withTenant } from "@/db/tenant";
import { followupSequences, messageTemplates, tenants } from "@/db/schema";
import { resetClock, setClock } from "@/inngest/local/clock";
import { drainJobs, useLocalFunctions } from "@/inngest/local/runner";
import { enrollFollowups } from "@/inngest/functions/enroll-followups";
import { runFollowup } from "@/inngest/functions/run-followup";
import { ensureDefaultSequences } from "@/lib/followups";
import { defaultSequences } from "@/lib/followups/defaults";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { actAs } from "../security/sweep/call";
import { followupMessages, formLead, whatsAppLead } from "./world";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);
const { default: FollowupsPage } = await import("@/app/(dashboard)/followups/page");
const { addRecommendedSequencesAction, deleteSequenceAction } = await import("@/app/(dashboard)/followups/actions");

useTestDatabase();

beforeEach(() => {
  useLocalFunctions([enrollFollowups, runFollowup]);
  // A Monday morning in the dealer's opening hours: proactive messages go out at once.
  setClock(new Date("2026-03-02T09:30:00Z"));
});
afterEach(() => resetClock());
afterAll(() => useLocalFunctions(null));

const sequencesOf = (tenantId: string) => withTenant(tenantId, (tx) => tx.select().from(followupSequences).where(eq(followupSequences.tenantId, tenantId)));

describe("the recommended follow-up sequences", () => {
  it("a dealership without sequences takes them once, with the message templates they send", async () => {
    const w = await createTestTenant();
    const other = await createTestTenant();
    expect(await ensureDefaultSequences(w.tenant.id)).toBe(defaultSequences.length);
    expect(await ensureDefaultSequences(w.tenant.id)).toBe(0);
    expect((await sequencesOf(w.tenant.id)).map((s) => s.name).sort()).toEqual(defaultSequences.map((d) => d.name).sort());
    expect((await sequencesOf(w.tenant.id)).every((s) => s.enabled)).toBe(true);
    expect(await sequencesOf(other.tenant.id)).toEqual([]);
    const welcome = await withTenant(w.tenant.id, (tx) => tx.select({ language: messageTemplates.language, status: messageTemplates.status }).from(messageTemplates)
      .where(and(eq(messageTemplates.tenantId, w.tenant.id), eq(messageTemplates.name, "lead_welcome"))));
    expect(welcome.map((t) => t.language).sort()).toEqual(["de", "en", "id", "nb", "nl"]);
  });

  it("speak in the assistant's tone: a dealer who set the formal one gets \"u\" and \"Sie\", English stays as it is", async () => {
    const friendly = await createTestTenant();
    const formal = await createTestTenant();
    await withTenant(formal.tenant.id, (tx) => tx.update(tenants).set({ settings: { ...formal.tenant.settings, assistant: { tone: "formal" } } }).where(eq(tenants.id, formal.tenant.id)));
    await ensureDefaultSequences(friendly.tenant.id);
    await ensureDefaultSequences(formal.tenant.id);
    const texts = async (tenantId: string) => {
      const [nudge] = (await sequencesOf(tenantId)).filter((s) => s.name === "New lead, no answer");
      return (nudge.steps.find((step) => step.type === "whatsapp") as { texts: Record<string, string> }).texts;
    };
    const [a, b] = [await texts(friendly.tenant.id), await texts(formal.tenant.id)];
    expect(a.nl).toContain("heb je al gevonden");
    expect(b.nl).toContain("heeft u al gevonden");
    expect(b.de).toContain("Haben Sie gefunden");
    expect(b.id).toContain("Bapak/Ibu");
    expect(b.en).toBe(a.en);
  });

  it("are offered on the empty Follow-ups page and added by its button for the manager's own dealership only", async () => {
    const w = await createTestTenant();
    const other = await createTestTenant();
    await actAs(w.manager.email);
    const empty = renderToStaticMarkup(await FollowupsPage({ searchParams: Promise.resolve({}) }));
    expect(empty).toContain("No sequences yet");
    expect(empty).toContain("Add the recommended sequences");
    await actAs(w.sales1.email);
    await addRecommendedSequencesAction();
    expect(await sequencesOf(w.tenant.id)).toEqual([]);
    await actAs(w.manager.email);
    await addRecommendedSequencesAction();
    expect(await sequencesOf(w.tenant.id)).toHaveLength(defaultSequences.length);
    expect(await sequencesOf(other.tenant.id)).toEqual([]);
    const listed = renderToStaticMarkup(await FollowupsPage({ searchParams: Promise.resolve({}) }));
    expect(listed).not.toContain("Add the recommended sequences");
    for (const d of defaultSequences) expect(listed).toContain(d.name.replace(/&/g, "&amp;"));
  });

  it("are deleted by a manager of their own dealership only, and the list says so", async () => {
    const w = await createTestTenant();
    const other = await createTestTenant();
    await ensureDefaultSequences(w.tenant.id);
    await ensureDefaultSequences(other.tenant.id);
    const [first] = await sequencesOf(w.tenant.id);
    const [theirs] = await sequencesOf(other.tenant.id);
    const remove = (id: string) => { const f = new FormData(); f.set("id", id); return deleteSequenceAction(f).catch((e: { digest?: string }) => e.digest); };
    await actAs(w.sales1.email);
    await remove(first.id);
    expect(await sequencesOf(w.tenant.id)).toHaveLength(defaultSequences.length);
    await actAs(w.manager.email);
    expect(await remove(theirs.id)).toMatch(/^NEXT_REDIRECT/);
    expect(await sequencesOf(other.tenant.id)).toHaveLength(defaultSequences.length);
    expect(await remove(first.id)).toMatch(/^NEXT_REDIRECT;replace;\/followups\?notice=deleted;/);
    expect((await sequencesOf(w.tenant.id)).map((x) => x.id)).not.toContain(first.id);
    expect(renderToStaticMarkup(await FollowupsPage({ searchParams: Promise.resolve({ notice: "deleted" }) }))).toContain("Sequence deleted.");
  });

  it("says hello on WhatsApp to a lead from the website form with the lead_welcome template; a shopper who wrote on WhatsApp gets none", async () => {
    const w = await createTestTenant();
    await ensureDefaultSequences(w.tenant.id);
    const { lead } = await formLead(w);
    await drainJobs();
    const sent = await followupMessages(w, lead.id);
    expect(sent).toHaveLength(1);
    expect(sent[0].type).toBe("template");
    expect(sent[0].meta.template).toMatchObject({ name: "lead_welcome", language: "nl", variables: ["Eva", "de auto", w.tenant.name] });
    expect(sent[0].body).toBe(`Hallo Eva, bedankt voor uw interesse in de auto bij ${w.tenant.name}. Heeft u vragen? Reageer gerust hier, dan antwoorden we meteen.`);

    const shopper = await whatsAppLead(w);
    await drainJobs();
    expect((await followupMessages(w, shopper.lead.id)).filter((m) => (m.meta.template as { name?: string } | undefined)?.name === "lead_welcome")).toEqual([]);
  });
});
