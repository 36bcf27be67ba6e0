import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { requireSession, hasRole } from "@/lib/auth";
import { grantableRoles, mayManageMember } from "@/lib/auth/roles";
import { siteOrigin } from "@/lib/catalog/urls";
import { appOrigin } from "@/lib/origins";
import { upcomingExceptions } from "@/lib/scheduling/exceptions";
import { MAX_EXCEPTIONS, rowsFromExceptions } from "@/lib/scheduling/exceptions-form";
import { zonedParts } from "@/lib/scheduling/zoned";
import { getCustomDomain, hasFeedSecret, hasInboundEmailToken, leadSourceUrls, listChannels, listTeam } from "@/lib/settings";
import { updateMemberAction } from "./actions";
import { CustomDomainCard } from "./custom-domain";
import { LeadSources } from "./lead-sources";
import { ChannelForm, FeedSecretForm, InviteForm, ProfileForm, RemoveChannel } from "./settings-client";

export const metadata: Metadata = { title: "Settings" };

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  // Named by its heading, so each section is a landmark a screen reader can jump to.
  const id = `settings-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      {description ? <p className="mb-4 mt-1 text-sm text-slate-600">{description}</p> : <div className="mb-4" />}
      {children}
    </section>
  );
}

export default async function SettingsPage() {
  const session = await requireSession("manager");
  const t = session.tenant;
  const [channels, team, feedSecretSet, emailTokenSet] = await Promise.all([listChannels(t.id), listTeam(t.id), hasFeedSecret(t.id), hasInboundEmailToken(t.id)]);
  const messaging = channels.filter((c) => c.provider !== "facebook_page");
  const admin = hasRole(session.role, "admin");
  const domain = await getCustomDomain(t.id);
  const api = appOrigin();
  const hours = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].flatMap((d) => [[`${d}Open`, t.businessHours[d]?.[0]?.open ?? ""], [`${d}Close`, t.businessHours[d]?.[0]?.close ?? ""]]));
  // Past exceptions are not listed, so the next save drops them.
  const today = zonedParts(new Date(), t.timeZone).date;
  const closedDays = rowsFromExceptions(upcomingExceptions(t.businessHours, today));
  const snippet = `<form action="${leadSourceUrls(t.slug).forms}" method="post">\n  <input name="name" required> <input name="phone"> <input name="email" type="email">\n  <textarea name="message"></textarea> <input name="vehicle" type="hidden" value="#A01">\n  <input name="website" hidden tabindex="-1" autocomplete="off">\n  <label><input name="consent" type="checkbox" value="true"> I agree to be contacted</label>\n  <button>Send</button>\n</form>`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <p className="text-sm"><a className="underline" href="/settings/assistant">Assistant</a> · <a className="underline" href="/settings/usage">Usage and plan</a> · <a className="underline" href="/settings/developers">API &amp; webhooks</a> · <a className="underline" href="/settings/branches">Branches</a></p>
      <Section title="Dealership profile" description="Shown on your public site and used by the assistant for opening hours and directions.">
        <ProfileForm values={{ name: t.name, phone: t.phone ?? "", street: t.address?.street ?? "", city: t.address?.city ?? "", postalCode: t.address?.postalCode ?? "", locale: t.locale, currency: t.currency, timeZone: t.timeZone, primaryColor: t.branding.primaryColor ?? "#0f172a", ...hours }} timeZones={timeZonesWith(t.timeZone)} closedDays={closedDays} today={today} maxClosedDays={MAX_EXCEPTIONS} />
      </Section>
      <Section title="Channels" description="WhatsApp numbers the assistant answers and sends from. What to paste into Meta, WAHA or Fonnte is under Lead sources.">
        <ul className="mb-4 divide-y divide-slate-200 text-sm">
          {messaging.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0 break-all"><span className="font-medium">{c.name}</span> · {c.externalId}{c.displayPhone ? ` · ${c.displayPhone}` : ""}</span>
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={c.hasToken ? "success" : "warning"} className="whitespace-normal">{c.hasToken ? "connected" : "not connected — messages are stored, not sent"}</Badge>
                {admin ? <RemoveChannel channelId={c.id} label={`${c.name} ${c.displayPhone ?? c.externalId}`} /> : null}
              </span>
            </li>
          ))}
        </ul>
        {admin ? <ChannelForm /> : <p className="text-sm text-slate-600">Only owners and admins can connect channels.</p>}
      </Section>
      <Section title="Inventory feed" description="Your dealer system can push a full snapshot or single changes; each request is signed with your feed secret.">
        <dl className="mb-4 grid gap-1 text-sm">
          <dt className="font-medium">Webhook</dt><dd><code className="break-all">POST {api}/api/webhooks/inventory/{t.slug}</code> with <code>X-Signature-256: sha256=&lt;HMAC-SHA256 of the body&gt;</code></dd>
          <dt className="mt-2 font-medium">Secret</dt><dd>{feedSecretSet ? "set (hidden)" : "not set"}</dd>
        </dl>
        {admin ? <FeedSecretForm /> : null}
      </Section>
      <LeadSources tenantSlug={t.slug} channels={channels} emailTokenSet={emailTokenSet} admin={admin} formSnippet={snippet} />
      <Section title="Your own domain" description="Serve your public site on a domain you own, such as www.autohuisvandijk.nl, instead of the address we give you.">
        <CustomDomainCard {...domain} checkedAt={domain.checkedAt?.toISOString() ?? null} canEdit={admin} locale={t.locale} timeZone={t.timeZone} />
      </Section>
      <p className="text-sm">Public site: <a className="underline" href={siteOrigin(t)}>{siteOrigin(t)}</a></p>
      <Section title="Team" description="Sales reps see their own and unassigned leads; managers and owners see everything.">
        <ul className="mb-4 divide-y divide-slate-200 text-sm">
          {team.map((m) => (
            <li key={m.membershipId} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span><span className="font-medium">{m.name}</span> · {m.email} {m.active ? null : <Badge>deactivated</Badge>}</span>
              {m.userId === session.user.id ? <Badge tone="info">{m.role} (you)</Badge> : !mayManageMember(session.role, m.role) ? <Badge>{m.role}</Badge> : (
                <form action={updateMemberAction} className="flex items-center gap-2">
                  <input type="hidden" name="membershipId" value={m.membershipId} />
                  <label className="sr-only" htmlFor={`role-${m.membershipId}`}>Role of {m.name}</label>
                  <select id={`role-${m.membershipId}`} name="role" defaultValue={m.role} className="rounded-md border border-slate-300 px-2 py-1">
                    {grantableRoles(session.role).map((r) => <option key={r} value={r}>{r}</option>)}
                  </select>
                  <button className="underline">Save</button>
                  <button name="active" value={m.active ? "false" : "true"} className="text-red-700 underline">{m.active ? "Deactivate" : "Reactivate"}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
        <InviteForm canAddAdmins={admin} />
      </Section>
    </div>
  );
}

// Every time zone this server knows, listed once per process.
const knownTimeZones = Intl.supportedValuesOf("timeZone");

/** The known zones, and the dealer's own even if it is an alias the list leaves out (e.g. UTC). */
function timeZonesWith(current: string): string[] {
  return knownTimeZones.includes(current) ? knownTimeZones : [current, ...knownTimeZones];
}
