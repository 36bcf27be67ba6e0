import { renderToStaticMarkup } from "react-dom/server";
import { createElement, type ReactElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { CustomDomainCard } from "@/app/(dashboard)/settings/custom-domain";
import { checkCustomDomainAction, removeCustomDomainAction, saveCustomDomainAction } from "@/app/(dashboard)/settings/domain-actions";
import ListingPage from "@/app/sites/[domain]/page";
import TodayPage from "@/app/(dashboard)/page";
import { generateMetadata as carMetadata } from "@/app/sites/[domain]/cars/[slug]/page";
import { GET as robots } from "@/app/sites/[domain]/robots.txt/route";
import { GET as sitemap } from "@/app/sites/[domain]/sitemap.xml/route";
import { withTenant } from "@/db/tenant";
import { auditLog, outboundEmails, tasks, tenants } from "@/db/schema";
import { formatDate } from "@/lib/format";
import { loadSiteTenant } from "@/lib/catalog/site";
import { vehicleUrl } from "@/lib/catalog/urls";
import { changePlan } from "@/lib/plans";
import { env, reloadEnv } from "@/lib/env";
import { checkCustomDomain, getCustomDomain, saveCustomDomain, type DnsResolver } from "@/lib/settings";
import { recheckCustomDomains } from "@/lib/settings/custom-domain";
import { appOrigin } from "@/lib/origins";
import { openTasksFor } from "@/lib/inbox/tasks";
import { proxy } from "@/proxy";
import { createTestTenant } from "../../helpers/factory";
import { useTestDatabase } from "../../helpers/db";
import { addStock } from "../../helpers/stock";
import { actAs } from "../security/sweep/call";
import { startSmtpSink } from "../followups/smtp-sink";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("../security/sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../security/sweep/request-context")).nextCacheMock);

useTestDatabase();

type T = Awaited<ReturnType<typeof createTestTenant>>;
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};
const actor = (t: T) => ({ tenantId: t.tenant.id, userId: t.owner.id });
const uniqueDomain = () => `www.autohuis-${Math.random().toString(36).slice(2, 10)}.nl`;
const missing = (name: string) => Object.assign(new Error(`query ENOTFOUND ${name}`), { code: "ENOTFOUND" });
const answer = <T>(records: Record<string, T[]>) => async (name: string) => {
  if (!(name in records)) throw missing(name);
  return records[name];
};
const cnameTarget = () => env().ROOT_DOMAIN.replace(/:\d+$/, "");
/** A fake DNS: the given TXT records, and every name a CNAME to the platform unless `pointing` says otherwise. */
const dnsAnswers = (txt: Record<string, string[]>, pointing: { cname?: Record<string, string[]>; a?: Record<string, string[]> } = {}): DnsResolver => ({
  txt: async (name) => (await answer(txt)(name)).map((v) => [v]),
  cname: pointing.cname || pointing.a ? answer(pointing.cname ?? {}) : async () => [`${cnameTarget()}.`],
  a: answer(pointing.a ?? {}),
});
const auditActions = async (t: T) => (await withTenant(t.tenant.id, (tx) => tx.select().from(auditLog))).map((a) => a.action);
const slugHost = (t: T) => `${t.tenant.slug}.${env().ROOT_DOMAIN}`;
const listing = async (host: string) => renderToStaticMarkup((await ListingPage({ params: Promise.resolve({ domain: host }), searchParams: Promise.resolve({}) })) as ReactElement);
const notFound = { digest: expect.stringContaining("404") };

const emailsOf = async (t: T) => (await withTenant(t.tenant.id, (tx) => tx.select().from(outboundEmails).orderBy(outboundEmails.createdAt)))
  .map((e) => ({ toAddress: e.toAddress, subject: e.subject, status: e.status }));

async function verifiedDomain(t: T) {
  const domain = uniqueDomain();
  expect(await saveCustomDomain(actor(t), domain)).toEqual({ ok: true });
  const { token } = await getCustomDomain(t.tenant.id);
  expect(await checkCustomDomain(actor(t), dnsAnswers({ [`_forecourt.${domain}`]: [token!] }))).toEqual({ ok: true, status: "verified" });
  return domain;
}

describe("custom domain", () => {
  it("gives field errors for anything that is not a plain hostname of the dealer's own", async () => {
    const t = await createTestTenant();
    await actAs(t.owner.email);
    const root = env().ROOT_DOMAIN.replace(/:\d+$/, "");
    for (const bad of ["https://www.autohuisvandijk.nl", "www.autohuisvandijk.nl/cars", "www.autohuisvandijk.nl:8080", "autohuis vandijk.nl", "localhost", "-bad-.nl", "www.autohuisvandijk.n1", "192.168.1.10", "", root, `garage.${root}`]) {
      const r = await saveCustomDomainAction(null, form({ domain: bad }));
      expect(r, bad).toMatchObject({ ok: false, fieldErrors: { domain: expect.any(String) } });
    }
    const ok = await saveCustomDomainAction(null, form({ domain: " WWW.AutohuisVanDijk-Test.NL. " }));
    expect(ok).toMatchObject({ ok: true });
    expect(await getCustomDomain(t.tenant.id)).toMatchObject({ domain: "www.autohuisvandijk-test.nl", status: "pending", token: expect.stringMatching(/^[0-9a-f]{32}$/), txtName: "_forecourt.www.autohuisvandijk-test.nl" });
    expect(await auditActions(t)).toContain("settings.custom_domain_saved");
    await removeCustomDomainAction(null);
  });

  it("refuses a domain another dealership already uses", async () => {
    const a = await createTestTenant();
    const b = await createTestTenant();
    const domain = uniqueDomain();
    expect(await saveCustomDomain(actor(a), domain)).toEqual({ ok: true });
    await actAs(b.owner.email);
    expect(await saveCustomDomainAction(null, form({ domain }))).toMatchObject({ ok: false, fieldErrors: { domain: "This domain is already connected to another dealership." } });
    expect((await getCustomDomain(b.tenant.id)).domain).toBeNull();
  });

  it("a missing or different TXT record keeps the domain pending with the reason; a DNS failure says so", async () => {
    const t = await createTestTenant();
    const domain = uniqueDomain();
    await saveCustomDomain(actor(t), domain);
    const missing = await checkCustomDomain(actor(t), dnsAnswers({}));
    expect(missing).toMatchObject({ ok: false, error: expect.stringContaining(`no TXT record at _forecourt.${domain}`) });
    const wrong = await checkCustomDomain(actor(t), dnsAnswers({ [`_forecourt.${domain}`]: ["v=spf1 -all", "not-the-token"] }));
    expect(wrong).toMatchObject({ ok: false, error: expect.stringContaining("different value") });
    const timeout = async () => { throw Object.assign(new Error("queryTxt ETIMEOUT"), { code: "ETIMEOUT" }); };
    const down = await checkCustomDomain(actor(t), { txt: timeout, cname: timeout, a: timeout });
    expect(down).toMatchObject({ ok: false, error: expect.stringContaining("could not reach the DNS servers") });
    expect(await getCustomDomain(t.tenant.id)).toMatchObject({ domain, status: "pending", checkedAt: expect.any(Date) });
    expect((await loadSiteTenant(domain)).kind).toBe("unknown");
    expect(await auditActions(t)).toContain("settings.custom_domain_check_failed");
  });

  it("checks that the domain points here: a CNAME to the platform or A records at its addresses; wrong or missing stays pending", async () => {
    const t = await createTestTenant();
    const domain = uniqueDomain();
    await saveCustomDomain(actor(t), domain);
    const { token } = await getCustomDomain(t.tenant.id);
    const txt = { [`_forecourt.${domain}`]: [token!] };
    const target = cnameTarget();
    const check = (pointing: Parameters<typeof dnsAnswers>[1]) => checkCustomDomain(actor(t), dnsAnswers(txt, pointing));

    expect(await check({ a: {} })).toMatchObject({ ok: false, error: `${domain} does not point anywhere yet. Add a CNAME record to ${target} (or your provider's ALIAS/ANAME record). Changes can take up to a few hours to show.` });
    expect(await check({ cname: { [domain]: ["old-site.webhoster.example."] } })).toMatchObject({ ok: false, error: expect.stringContaining(`CNAME record pointing at old-site.webhoster.example. Change it to ${target}.`) });
    // Without configured addresses, A records must be among the platform host's own (an ALIAS/ANAME flattens the CNAME).
    expect(await check({ a: { [domain]: ["203.0.113.9"], [target]: ["198.51.100.7"] } })).toMatchObject({ ok: false, error: expect.stringContaining("points at 203.0.113.9, which is not Forecourt") });
    expect(await getCustomDomain(t.tenant.id)).toMatchObject({ status: "pending" });

    process.env.CUSTOM_DOMAIN_IPS = "198.51.100.7, 198.51.100.8";
    reloadEnv();
    try {
      expect(await getCustomDomain(t.tenant.id)).toMatchObject({ cnameTarget: target, aTargets: ["198.51.100.7", "198.51.100.8"] });
      const leftover = await check({ a: { [domain]: ["198.51.100.7", "203.0.113.9"] } });
      expect(leftover).toMatchObject({ ok: false, error: expect.stringContaining("or A records to 198.51.100.7, 198.51.100.8") });
      expect(await check({ a: { [domain]: ["198.51.100.8"] } })).toEqual({ ok: true, status: "verified" });
    } finally {
      delete process.env.CUSTOM_DOMAIN_IPS;
      reloadEnv();
    }
  });

  it("a matching TXT record (split in chunks, among others) verifies it with a timestamp", async () => {
    const t = await createTestTenant();
    const domain = uniqueDomain();
    await saveCustomDomain(actor(t), domain);
    const { token } = await getCustomDomain(t.tenant.id);
    const resolve: DnsResolver = {
      ...dnsAnswers({}),
      txt: async (name) => (name === `_forecourt.${domain}` ? [["google-site-verification=x"], [token!.slice(0, 10), token!.slice(10)]] : []),
    };
    expect(await checkCustomDomain(actor(t), resolve)).toEqual({ ok: true, status: "verified" });
    expect(await getCustomDomain(t.tenant.id)).toMatchObject({ status: "verified", checkedAt: expect.any(Date) });
    expect(await auditActions(t)).toContain("settings.custom_domain_verified");
    // The card dates the check the dealer's way, on the dealer's clock: 23:30 UTC on 5 December is 6 December in Amsterdam.
    const view = { ...(await getCustomDomain(t.tenant.id)), checkedAt: "2026-12-05T23:30:00Z", canEdit: true, locale: "nl-NL", timeZone: "Europe/Amsterdam" };
    expect(renderToStaticMarkup(createElement(CustomDomainCard, view))).toContain("verified 6 dec 2026");
    expect(renderToStaticMarkup(createElement(CustomDomainCard, { ...view, status: "pending" as const }))).toContain("waiting for DNS · last checked zondag 6 december om 00:30");
  });

  it("a verified domain serves the dealer's site with its own URLs; the slug address moves there; removed or unverified is a 404", async () => {
    const t = await createTestTenant();
    const other = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{ make: "Toyota", model: "Yaris", price: 18950 }]);

    const pending = uniqueDomain();
    await saveCustomDomain(actor(other), pending);
    expect((await loadSiteTenant(pending)).kind).toBe("unknown");
    await expect(listing(pending)).rejects.toMatchObject(notFound);
    expect((await robots(new Request("http://x/robots.txt"), { params: Promise.resolve({ domain: pending }) })).status).toBe(404);

    const domain = await verifiedDomain(t);
    const proxied = await proxy(new NextRequest(`https://${domain}/cars/${car.slug}`, { headers: { host: domain } }), {} as never);
    expect(new URL(proxied.headers.get("x-middleware-rewrite")!).pathname).toBe(`/sites/${domain}/cars/${car.slug}`);
    const site = await loadSiteTenant(domain.toUpperCase());
    expect(site.kind === "tenant" && site.site.tenant.id).toBe(t.tenant.id);
    expect(site.kind === "tenant" && site.site.origin).toBe(`https://${domain}`);
    expect(await listing(domain)).toContain(`/cars/${car.slug}`);
    const meta = await carMetadata({ params: Promise.resolve({ domain, slug: car.slug }), searchParams: Promise.resolve({}) });
    expect(meta.alternates?.canonical).toBe(`https://${domain}/cars/${car.slug}`);
    const xml = await (await sitemap(new Request("http://x/sitemap.xml"), { params: Promise.resolve({ domain }) })).text();
    expect(xml).toContain(`<loc>https://${domain}/cars/${car.slug}</loc>`);
    expect(await (await robots(new Request("http://x/robots.txt"), { params: Promise.resolve({ domain }) })).text()).toContain(`https://${domain}/sitemap.xml`);
    expect(await loadSiteTenant(slugHost(t))).toMatchObject({ kind: "redirect", toHost: domain });

    await actAs(t.owner.email);
    expect(await removeCustomDomainAction(null)).toMatchObject({ ok: true });
    expect((await loadSiteTenant(domain)).kind).toBe("unknown");
    expect((await loadSiteTenant(slugHost(t))).kind).toBe("tenant");
    expect(await auditActions(t)).toContain("settings.custom_domain_removed");
  });

  it("a sales rep and a manager cannot save, check or remove the domain", async () => {
    const t = await createTestTenant();
    const domain = await verifiedDomain(t);
    for (const who of [t.sales1.email, t.manager.email]) {
      await actAs(who);
      expect(await saveCustomDomainAction(null, form({ domain: uniqueDomain() }))).toMatchObject({ ok: false, error: "Your role does not allow this." });
      expect(await checkCustomDomainAction(null)).toMatchObject({ ok: false });
      expect(await removeCustomDomainAction(null)).toMatchObject({ ok: false });
    }
    expect(await getCustomDomain(t.tenant.id)).toMatchObject({ domain, status: "verified" });
  });

  it("a plan without a custom domain is refused on the server and told which plans include it", async () => {
    const t = await createTestTenant();
    await withTenant(t.tenant.id, (tx) => tx.update(tenants).set({ plan: "starter" }).where(eq(tenants.id, t.tenant.id)));
    await actAs(t.owner.email);
    const r = await saveCustomDomainAction(null, form({ domain: uniqueDomain() }));
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/Starter plan does not include your own domain\. Growth and Scale do/) });
    expect(await getCustomDomain(t.tenant.id)).toMatchObject({ allowed: false, domain: null, status: "none" });
  });

  it("a plan without custom domains takes a verified one off the air at once; after an upgrade one check serves it again", async () => {
    const t = await createTestTenant();
    const [car] = await addStock(t.tenant.id, [{ make: "Toyota", model: "Yaris", price: 18950 }]);
    const domain = await verifiedDomain(t);
    expect((await loadSiteTenant(domain)).kind).toBe("tenant");

    expect(await changePlan({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" }, "starter")).toEqual({ ok: true, from: "growth" });
    expect((await loadSiteTenant(domain)).kind).toBe("unknown");
    const slug = await loadSiteTenant(slugHost(t));
    expect(slug.kind === "tenant" && slug.site.origin).toBe(`http://${slugHost(t)}`);
    const [row] = await withTenant(t.tenant.id, (tx) => tx.select().from(tenants).where(eq(tenants.id, t.tenant.id)));
    expect(vehicleUrl(row, car.slug)).toBe(`http://${slugHost(t)}/cars/${car.slug}`);
    expect(await getCustomDomain(t.tenant.id)).toMatchObject({ allowed: false, domain, status: "pending" });
    const log = await withTenant(t.tenant.id, (tx) => tx.select().from(auditLog));
    expect(log.find((l) => l.action === "plan.changed")?.data).toEqual({ from: "growth", to: "starter", domainSuspended: domain });
    // The settings card says why it is off and offers no check; the server refuses one anyway, whatever DNS says.
    const view = await getCustomDomain(t.tenant.id);
    const card = renderToStaticMarkup(createElement(CustomDomainCard, { ...view, checkedAt: null, canEdit: true, locale: "nl-NL", timeZone: "Europe/Amsterdam" }));
    expect(card).toContain("off: not on your plan");
    expect(card).toContain("Your plan no longer includes your own domain.");
    expect(card).not.toContain("Check now");
    const { token } = view;
    const dns = dnsAnswers({ [`_forecourt.${domain}`]: [token!] });
    expect(await checkCustomDomain(actor(t), dns)).toMatchObject({ ok: false, error: expect.stringContaining("Starter plan does not include") });

    expect(await changePlan({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" }, "growth")).toEqual({ ok: true, from: "starter" });
    expect(await checkCustomDomain(actor(t), dns)).toEqual({ ok: true, status: "verified" });
    expect((await loadSiteTenant(domain)).kind).toBe("tenant");
    expect(await loadSiteTenant(slugHost(t))).toMatchObject({ kind: "redirect", toHost: domain });
  });

  it("the re-check's notices and e-mails give their dates the dealer's way, in the dealer's time zone (the words stay English)", async () => {
    const t = await createTestTenant({ locale: "nb-NO", currency: "NOK", timeZone: "Europe/Oslo", country: "NO" });
    const domain = await verifiedDomain(t);
    const { checkedAt } = await getCustomDomain(t.tenant.id);
    const at = (days: number) => new Date(checkedAt!.getTime() + days * 24 * 3600_000);
    await recheckCustomDomains(at(2), dnsAnswers({}));
    expect((await recheckCustomDomains(at(5), dnsAnswers({}))).lapsed).toContain(domain);
    const norwegian = (d: Date) => formatDate(d, "nb-NO", "Europe/Oslo");
    const notices = await withTenant(t.tenant.id, (tx) => tx.select({ title: tasks.title, body: tasks.body }).from(tasks).where(eq(tasks.kind, "system")));
    const mails = await withTenant(t.tenant.id, (tx) => tx.select({ subject: outboundEmails.subject, text: outboundEmails.text }).from(outboundEmails));
    for (const said of [notices.map((n) => ({ title: n.title, text: n.body })), mails.map((m) => ({ title: m.subject, text: m.text }))]) {
      expect(said.find((n) => n.title === `Fix the DNS records of ${domain}`)?.text).toContain(`Your site keeps answering on ${domain} until ${norwegian(at(3))};`);
      expect(said.find((n) => n.title === `${domain} is off the air`)?.text).toContain(`wrong since the check of ${norwegian(checkedAt!)}:`);
      expect(said.map((n) => n.text).join("\n")).not.toContain(formatDate(at(3), "en-GB", "Europe/Oslo"));
    }
  });

  it("the daily re-check keeps a domain whose records are right, gives wrong records days, then stops serving; our DNS failing changes nothing", async () => {
    const t = await createTestTenant();
    const domain = await verifiedDomain(t);
    const { token, checkedAt } = await getCustomDomain(t.tenant.id);
    const good = dnsAnswers({ [`_forecourt.${domain}`]: [token!] });
    const gone = dnsAnswers({});
    const timeout = async () => { throw Object.assign(new Error("queryTxt ETIMEOUT"), { code: "ETIMEOUT" }); };
    const day = 24 * 3600_000;
    const at = (days: number) => new Date(checkedAt!.getTime() + days * day);
    const mine = (r: { lapsed: string[] }) => r.lapsed.filter((d) => d === domain);
    // Notices on Today: the manager's (and owner's) list has them, a sales rep's does not.
    const notices = async (who: "manager" | "sales1" = "manager") =>
      (await openTasksFor(t.tenant.id, { userId: t[who].id, role: who === "manager" ? "manager" : "sales" })).tasks.filter((k) => k.kind === "system");

    expect(mine(await recheckCustomDomains(at(1), good))).toEqual([]);
    expect(await getCustomDomain(t.tenant.id)).toMatchObject({ status: "verified", checkedAt: at(1) });
    expect(await notices()).toEqual([]);
    // The records went wrong after that good check: the site keeps serving for the grace period.
    expect(mine(await recheckCustomDomains(at(2), gone))).toEqual([]);
    expect(mine(await recheckCustomDomains(at(3.9), gone))).toEqual([]);
    expect((await loadSiteTenant(domain)).kind).toBe("tenant");
    // One warning however many checks find the records wrong, saying what is wrong and until when the domain serves.
    const warned = await notices();
    expect(warned.map((k) => k.title)).toEqual([`Fix the DNS records of ${domain}`]);
    expect(warned[0].body).toContain("no TXT record");
    expect(warned[0].body).toContain(`until ${formatDate(at(4), t.tenant.locale, t.tenant.timeZone)}`);
    expect(await notices("sales1")).toEqual([]);
    // The owner (the one who can change the domain) is also told by e-mail, once: stored, as no SMTP server is set.
    expect(await emailsOf(t)).toEqual([{ toAddress: t.owner.email, subject: `Fix the DNS records of ${domain}`, status: "stored" }]);
    // A lookup failing on our side is no news about the records.
    expect(mine(await recheckCustomDomains(at(5), { txt: timeout, cname: timeout, a: timeout }))).toEqual([]);
    expect((await getCustomDomain(t.tenant.id)).status).toBe("verified");

    expect(mine(await recheckCustomDomains(at(5), gone))).toEqual([domain]);
    expect(await getCustomDomain(t.tenant.id)).toMatchObject({ status: "failed", checkedAt: at(1) });
    expect((await loadSiteTenant(domain)).kind).toBe("unknown");
    expect((await loadSiteTenant(slugHost(t))).kind).toBe("tenant");
    const log = await withTenant(t.tenant.id, (tx) => tx.select().from(auditLog));
    expect(log.find((l) => l.action === "settings.custom_domain_lapsed")).toMatchObject({ actorUserId: null, data: { domain, reason: expect.stringContaining("no TXT record") } });
    const card = renderToStaticMarkup(createElement(CustomDomainCard, { ...(await getCustomDomain(t.tenant.id)), checkedAt: null, canEdit: true, locale: "nl-NL", timeZone: "Europe/Amsterdam" }));
    expect(card).toContain("off: the DNS records changed");
    expect(card).toContain("Check now");
    const off = (await notices()).find((k) => k.title === `${domain} is off the air`);
    expect(off?.body).toContain(`Your site and its links are on ${slugHost(t)} now`);
    expect((await emailsOf(t)).map((e) => e.subject)).toEqual([`Fix the DNS records of ${domain}`, `${domain} is off the air`]);
    // On the manager's Today: marked as about the site, with the way to the settings, not as a lead without a rep.
    await actAs(t.manager.email);
    const today = renderToStaticMarkup(await TodayPage());
    expect(today).toContain(`${domain} is off the air`);
    expect(today).toContain("Your site");
    expect(today).toContain('href="/settings"');
    expect(today).not.toContain("No rep yet");

    // Fixed and checked by the dealer: it serves again, and the next re-check leaves it alone.
    expect(await checkCustomDomain(actor(t), good)).toEqual({ ok: true, status: "verified" });
    expect((await loadSiteTenant(domain)).kind).toBe("tenant");
    expect(await notices()).toEqual([]);
    expect(mine(await recheckCustomDomains(at(6), good))).toEqual([]);
  });

  it("a warning closes itself when the records are right again before the domain stops", async () => {
    const t = await createTestTenant();
    const domain = await verifiedDomain(t);
    const { token, checkedAt } = await getCustomDomain(t.tenant.id);
    const at = (days: number) => new Date(checkedAt!.getTime() + days * 24 * 3600_000);
    const open = async () => (await openTasksFor(t.tenant.id, { userId: t.owner.id, role: "owner" })).tasks.filter((k) => k.kind === "system").map((k) => k.title);
    await recheckCustomDomains(at(1), dnsAnswers({}));
    expect(await open()).toEqual([`Fix the DNS records of ${domain}`]);
    await recheckCustomDomains(at(2), dnsAnswers({ [`_forecourt.${domain}`]: [token!] }));
    expect(await open()).toEqual([]);
    expect(await getCustomDomain(t.tenant.id)).toMatchObject({ status: "verified", checkedAt: at(2) });
  });

  it("with SMTP_URL the owner gets the warning by e-mail once, with the way to the settings; a sales rep gets none", async () => {
    const sink = await startSmtpSink();
    try {
      process.env.SMTP_URL = sink.url;
      reloadEnv();
      const t = await createTestTenant();
      const domain = await verifiedDomain(t);
      const { checkedAt } = await getCustomDomain(t.tenant.id);
      const at = (days: number) => new Date(checkedAt!.getTime() + days * 24 * 3600_000);
      await recheckCustomDomains(at(1), dnsAnswers({}));
      await recheckCustomDomains(at(2), dnsAnswers({}));
      // The body comes quoted-printable: long lines are folded with a trailing "=".
      const mine = sink.mails.map((m) => ({ to: m.to, data: m.data.replace(/=\n/g, "") })).filter((m) => m.data.includes(domain));
      expect(mine.map((m) => m.to)).toEqual([[`<${t.owner.email}>`]]);
      expect(mine[0].data).toContain(`Subject: Fix the DNS records of ${domain}`);
      expect(mine[0].data).toContain("no TXT record");
      expect(mine[0].data).toContain(`Your settings: ${appOrigin()}/settings`);
      expect(await emailsOf(t)).toEqual([{ toAddress: t.owner.email, subject: `Fix the DNS records of ${domain}`, status: "sent" }]);
    } finally {
      delete process.env.SMTP_URL;
      reloadEnv();
      await sink.close();
    }
  });
});
