import { describe, expect, it } from "vitest";
import { withTenant } from "@/db/tenant";
import { appointments, tasks } from "@/db/schema";
import { dateTimeFormat } from "@/lib/format/intl";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { answeredShopper, shopperSays } from "../../helpers/inbound";
import { useOfflineAssistant } from "../../helpers/offline-assistant";
import { addStock } from "../../helpers/stock";

useTestDatabase();
useOfflineAssistant();

const DAY = 86_400_000;

describe("the reps' alerts write dates and figures the dealer's way (the dashboard's words stay English)", () => {
  it("a cancelled test drive's alert gives its time in the dealer's locale and time zone", async () => {
    const t = await createTestTenant({ locale: "nb-NO", currency: "NOK", timeZone: "Europe/Oslo", country: "NO" });
    const [golf] = await addStock(t.tenant.id, [{ make: "Volkswagen", model: "Golf", price: 249_900, currency: "NOK" }]);
    const a = await answeredShopper(t, "4791234001");
    const startsAt = new Date(Math.floor((Date.now() + 2 * DAY) / 60_000) * 60_000);
    await withTenant(t.tenant.id, (tx) => tx.insert(appointments).values({
      tenantId: t.tenant.id, leadId: a.leadId, contactId: a.contactId, vehicleId: golf.id, kind: "test_drive", startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000), status: "booked", createdBy: "assistant",
    }));
    await shopperSays(t, "4791234001", "Cancel my test drive please");
    const alerts = await withTenant(t.tenant.id, async (tx) => (await tx.select({ title: tasks.title, body: tasks.body }).from(tasks)).filter((x) => /^Test drive cancelled: /.test(x.title)));
    expect(alerts.length).toBeGreaterThan(0);
    const inLocale = (locale: string) => dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" }).format(startsAt).replace(/[\u00a0\u202f]/g, " ");
    expect(alerts[0].body).toContain(`cancelled their test drive of ${inLocale("nb-NO")} on WhatsApp.`);
    expect(alerts[0].body).not.toContain(inLocale("en-GB"));
  });
});
