import { describe, expect, it } from "vitest";
import { conversationModes, leadSources, leadStages } from "@/db/schema";
import { buildDemoDataset, DEMO_SLUGS, type DemoSlug } from "@/db/seed/data";
import { intervalsOn } from "@/lib/scheduling/hours";
import { zonedParts } from "@/lib/scheduling/zoned";

const now = new Date("2026-06-10T09:30:00Z");
const DAY = 86_400_000;

const fuels = ["petrol", "diesel", "hybrid", "electric", "lpg", "other"];
const transmissions = ["manual", "automatic"];
const bodies = ["hatchback", "sedan", "estate", "suv", "mpv", "coupe", "convertible", "van", "pickup", "other"];
const statuses = ["available", "reserved", "sold", "draft"];

const market: Record<DemoSlug, { currency: string; prices: [number, number]; phone: RegExp; plate: RegExp; owner: string; phoneNumberId: string }> = {
  "demo-nl": { currency: "EUR", prices: [3_000, 80_000], phone: /^316\d{8}$/, plate: /^([A-Z]{2}-\d{3}-[A-Z]|[A-Z]-\d{3}-[A-Z]{2}|[A-Z]{3}-\d{2}-[A-Z]|\d-[A-Z]{3}-\d{2})$/, owner: "31611000001", phoneNumberId: "100000000000001" },
  "demo-no": { currency: "NOK", prices: [80_000, 600_000], phone: /^47[49]\d{7}$/, plate: /^[A-Z]{2} \d{5}$/, owner: "4791000001", phoneNumberId: "100000000000002" },
  "demo-id": { currency: "IDR", prices: [90_000_000, 650_000_000], phone: /^628\d{8,11}$/, plate: /^[A-Z]{1,2} \d{1,4} [A-Z]{1,3}$/, owner: "6281100000001", phoneNumberId: "100000000000003" },
};

const unique = <T>(items: T[]) => new Set(items).size === items.length;

describe.each(DEMO_SLUGS)("demo dataset %s", (slug) => {
  const data = buildDemoDataset(slug, now);
  const spec = market[slug];
  const vehiclesById = new Map(data.vehicles.map((v) => [v.externalId, v]));

  it("describes the dealership with the contract's channel ids and owner number", () => {
    expect(data.tenant.slug).toBe(slug);
    expect(data.tenant.currency).toBe(spec.currency);
    expect(data.tenant.whatsapp.phoneNumberId).toBe(spec.phoneNumberId);
    expect(data.tenant.ownerWhatsApp).toBe(spec.owner);
    expect(data.tenant.feedSecret).toBe(`dev-feed-${slug}`);
    expect(data.tenant.fonnteDevice).toBe(slug === "demo-id" ? "628123456789" : null);
    expect(Object.keys(data.tenant.businessHours).sort()).toEqual(["exceptions", "fri", "mon", "sat", "sun", "thu", "tue", "wed"]);
    expect(data.tenant.businessHours.sun.length > 0).toBe(slug === "demo-id");
  });

  it("has an owner, a manager and two sales reps with the agreed logins", () => {
    expect(data.staff.map((s) => [s.role, s.email])).toEqual([
      ["owner", `owner@${slug}.test`], ["manager", `manager@${slug}.test`], ["sales", `sales1@${slug}.test`], ["sales", `sales2@${slug}.test`],
    ]);
    expect(data.staff[0].whatsapp).toBe(spec.owner);
  });

  it("stocks at least 45 vehicles with valid vocabulary, unique ids and plates", () => {
    expect(data.vehicles.length).toBeGreaterThanOrEqual(45);
    expect(unique(data.vehicles.map((v) => v.externalId))).toBe(true);
    expect(unique(data.vehicles.map((v) => v.plate))).toBe(true);
    expect(unique(data.vehicles.map((v) => v.stockCode))).toBe(true);
    for (const v of data.vehicles) {
      expect(fuels).toContain(v.fuel);
      expect(transmissions).toContain(v.transmission);
      expect(bodies).toContain(v.body);
      expect(statuses).toContain(v.status);
      expect(v.plate).toMatch(spec.plate);
      expect(v.currency).toBe(spec.currency);
      expect(v.features.length).toBeGreaterThanOrEqual(5);
      expect(v.features.length).toBeLessThanOrEqual(10);
      expect(v.description.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 3).length).toBeGreaterThanOrEqual(2);
      expect(v.year).toBeLessThan(now.getUTCFullYear());
    }
  });

  it("prices cars within the market's range, above cost, and rounded like a dealer", () => {
    for (const v of data.vehicles) {
      expect(v.price).toBeGreaterThanOrEqual(spec.prices[0]);
      expect(v.price).toBeLessThanOrEqual(spec.prices[1]);
      expect(v.costPrice).toBeLessThan(v.price);
      const step = slug === "demo-nl" ? 50 : slug === "demo-no" ? 100 : 5_000_000;
      expect(v.price % step).toBe(0);
      for (const earlier of v.priceHistory ?? []) expect(earlier.price).toBeGreaterThan(v.price);
    }
    expect(data.vehicles.filter((v) => v.priceHistory).length).toBeGreaterThanOrEqual(2);
  });

  it("has mostly available cars, a few reserved, three sold and two drafts", () => {
    const count = (status: string) => data.vehicles.filter((v) => v.status === status).length;
    expect(count("sold")).toBe(3);
    expect(count("draft")).toBe(2);
    expect(count("reserved")).toBeGreaterThanOrEqual(2);
    expect(count("available")).toBeGreaterThan(data.vehicles.length / 2);
  });

  it("has leads from every source at every stage, within the last 60 days", () => {
    expect(data.leads.length).toBeGreaterThanOrEqual(25);
    expect(new Set(data.leads.map((l) => l.source))).toEqual(new Set(leadSources.filter((s) => s !== "api")));
    expect(new Set(data.leads.map((l) => l.stage))).toEqual(new Set(leadStages));
    expect(data.leads.some((l) => l.score >= 70 && l.hot)).toBe(true);
    expect(data.leads.some((l) => l.assignedTo === null)).toBe(true);
    for (const l of data.leads) {
      expect(l.score).toBeGreaterThanOrEqual(0);
      expect(l.score).toBeLessThanOrEqual(100);
      expect(now.getTime() - l.createdAt.getTime()).toBeLessThan(60 * DAY);
      expect(l.createdAt.getTime()).toBeLessThan(now.getTime());
      expect(l.lastActivityAt.getTime()).toBeGreaterThanOrEqual(l.createdAt.getTime());
      expect(vehiclesById.has(l.vehicleExternalId)).toBe(true);
      expect(vehiclesById.get(l.vehicleExternalId)!.createdDaysAgo * DAY).toBeGreaterThan(now.getTime() - l.createdAt.getTime());
      if (l.assignedTo) expect(data.staff.map((s) => s.email)).toContain(l.assignedTo);
      expect(l.lostReason !== null).toBe(l.stage === "lost");
    }
  });

  it("gives every lead past New a stage history, step by step from New, and lost leads lost after contact, a test drive or negotiating", () => {
    const open = ["new", "contacted", "qualified", "test_drive", "negotiation"];
    for (const l of data.leads) {
      if (l.stage === "new") {
        expect(l.stageChanges).toEqual([]);
        continue;
      }
      expect(l.stageChanges[0].from).toBe("new");
      expect(l.stageChanges.at(-1)!.to).toBe(l.stage);
      for (const [i, c] of l.stageChanges.entries()) {
        if (i > 0) expect(c.from).toBe(l.stageChanges[i - 1].to);
        if (i > 0) expect(c.at.getTime()).toBeGreaterThan(l.stageChanges[i - 1].at.getTime());
        expect(c.at.getTime()).toBeGreaterThanOrEqual(l.createdAt.getTime());
        expect(c.at.getTime()).toBeLessThanOrEqual(l.lastActivityAt.getTime());
      }
      if (l.stage === "lost") expect(l.stageChanges.at(-1)!.at).toEqual(l.lostAt);
      if (l.stage === "won") expect(l.stageChanges.at(-1)!.at).toEqual(l.wonAt);
    }
    // Where each lost lead got to, as the analytics funnel reads it: the furthest open stage it left.
    const reached = data.leads.filter((l) => l.stage === "lost").map((l) => Math.max(...l.stageChanges.map((c) => open.indexOf(c.from))));
    expect(Math.min(...reached)).toBeGreaterThanOrEqual(open.indexOf("contacted"));
    expect(reached.filter((i) => i >= open.indexOf("test_drive")).length).toBeGreaterThanOrEqual(2);
  });

  it("ties each won lead to a sold car, sold on the day the deal closed", () => {
    const won = data.leads.filter((l) => l.stage === "won");
    expect(won.length).toBe(3);
    for (const l of won) {
      const car = vehiclesById.get(l.vehicleExternalId)!;
      expect(car.status).toBe("sold");
      expect(Math.abs((now.getTime() - l.wonAt!.getTime()) / DAY - car.soldDaysAgo!)).toBeLessThan(1.5);
      expect(l.wonAmount).toBeLessThanOrEqual(car.price);
    }
  });

  it("gives contacts valid, unique E.164 numbers of the country and a few e-mails", () => {
    const phones = data.contacts.map((c) => c.phone);
    expect(unique(phones)).toBe(true);
    for (const phone of phones) expect(phone).toMatch(spec.phone);
    expect(phones).not.toContain(spec.owner);
    const emails = data.contacts.flatMap((c) => (c.email ? [c.email] : []));
    expect(emails.length).toBeGreaterThan(5);
    expect(unique(emails)).toBe(true);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@example\.(com|net|org)$/);
  });

  it("gives every WhatsApp lead a 2–8 message conversation that names cars by code placeholder", () => {
    const whatsappLeads = data.leads.filter((l) => l.source === "whatsapp");
    expect(data.conversations.map((c) => c.leadKey).sort()).toEqual(whatsappLeads.map((l) => l.key).sort());
    for (const c of data.conversations) {
      expect(conversationModes).toContain(c.mode);
      expect(c.messages.length).toBeGreaterThanOrEqual(2);
      expect(c.messages.length).toBeLessThanOrEqual(8);
      expect(c.messages[0].sender).toBe("customer");
      const times = c.messages.map((m) => m.at.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
      for (const m of c.messages.filter((x) => x.sender === "assistant" || x.sender === "staff")) {
        for (const [, id] of m.text.matchAll(/\{code:([^}]+)\}/g)) expect(vehiclesById.has(id)).toBe(true);
      }
      expect(c.messages.some((m) => m.sender === "assistant" && m.text.includes(`{code:${data.leads.find((l) => l.key === c.leadKey)!.vehicleExternalId}}`))).toBe(true);
    }
    expect(data.conversations.some((c) => c.mode === "human" && c.messages.some((m) => m.sender === "staff"))).toBe(true);
    expect(data.conversations.some((c) => c.messages.some((m) => m.sender === "system"))).toBe(true);
  });

  it("books test drives inside opening hours: some ahead, some completed or missed, one awaiting its outcome", () => {
    const { businessHours, timeZone } = data.tenant;
    const upcoming = data.appointments.filter((a) => a.startsAt > now);
    const past = data.appointments.filter((a) => a.startsAt < now);
    expect(upcoming.length).toBeGreaterThanOrEqual(2);
    expect(upcoming.every((a) => a.status === "booked" && a.startsAt.getTime() - now.getTime() < 10 * DAY)).toBe(true);
    expect(new Set(past.map((a) => a.status))).toEqual(new Set(["booked", "completed", "no_show"]));
    // One took place and nobody marked it yet: Today asks "Did they come?" about it.
    expect(past.filter((a) => a.status === "booked")).toHaveLength(1);
    for (const a of data.appointments) {
      const open = intervalsOn(businessHours, zonedParts(a.startsAt, timeZone).date, timeZone);
      expect(open.some((i) => a.startsAt >= i.start && a.endsAt <= i.end)).toBe(true);
    }
  });
});

describe("demo datasets", () => {
  it("come out identical for the same now, and follow a different now", () => {
    for (const slug of DEMO_SLUGS) expect(buildDemoDataset(slug, now)).toEqual(buildDemoDataset(slug, new Date(now)));
    const later = buildDemoDataset("demo-nl", new Date(now.getTime() + 30 * DAY));
    expect(later.leads[0].createdAt.getTime()).toBeGreaterThan(buildDemoDataset("demo-nl", now).leads[0].createdAt.getTime());
  });

  it("keep each market's own language, currency and names apart", () => {
    const [nl, no, id] = DEMO_SLUGS.map((slug) => buildDemoDataset(slug, now));
    expect(nl.conversations[0].messages[1].text).toContain("€");
    expect(no.conversations[0].messages[1].text).toMatch(/\d kr/);
    expect(id.conversations[0].messages[1].text).toContain("Rp ");
    expect(nl.tenant.name).toBe("Autohuis Van Dijk");
    expect(no.tenant.name).toBe("Fjord Bil AS");
    expect(id.tenant.name).toBe("Showroom Mobil Surabaya");
    expect(no.vehicles.filter((v) => v.fuel === "electric").length).toBeGreaterThan(no.vehicles.length / 2);
  });
});
