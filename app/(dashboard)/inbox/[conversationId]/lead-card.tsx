import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { LeadPreferences } from "@/db/schema";
import { languageNames, type Lang } from "@/lib/assistant/types";
import { englishVehicleWords as words, englishWord } from "@/lib/catalog/vehicle-words";
import { formatDateTime, formatPrice } from "@/lib/format";
import type { ConversationDetail } from "@/lib/inbox/conversation";
import { appointmentStatusLabels, sourceLabels } from "@/lib/inbox/labels";
import { zonedParts } from "@/lib/scheduling/zoned";
import { HotBadge } from "../badges";
import { StageForm } from "../stage-form";
import { AppointmentOutcomeForm, AssignForm, NoteForm } from "./lead-forms";
import { LeadFollowups } from "../../followups/lead-followups";
import { PrivacyControls } from "./privacy-controls";
import { CancelTestDrive, TestDriveDialog } from "./test-drive-dialog";

type Tenant = { id: string; locale: string; currency: string; timeZone: string };
export type TeamMember = { id: string; name: string; role: string };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2 border-b border-line px-4 py-4 last:border-b-0">
      <h3 className="text-xs font-semibold tracking-wide text-ink-muted uppercase">{title}</h3>
      {children}
    </section>
  );
}

function preferenceLine(p: LeadPreferences): string | null {
  const parts = [p.makes?.join("/"), p.models?.join("/"), englishWord(words.bodies, p.body), englishWord(words.fuels, p.fuel), englishWord(words.transmissions, p.transmission), englishWord(words.colors, p.color), p.minYear ? `from ${p.minYear}` : null, p.maxKm ? `≤ ${p.maxKm} km` : null, p.features?.length ? `with ${p.features.join(", ")}` : null, p.financing ? "financing" : null, p.tradeIn ? `trade-in: ${p.tradeIn}` : null];
  const line = parts.filter(Boolean).join(" · ");
  return line || null;
}

/** Everything about the shopper and their lead beside the timeline: contact, car, budget, stage, rep, notes, appointments. */
export function LeadCard({ detail, tenant, team, canAssignOthers, viewerId, showPrivacy = false }: { detail: ConversationDetail; tenant: Tenant; team: TeamMember[]; canAssignOthers: boolean; viewerId: string; showPrivacy?: boolean }) {
  const { contact, lead, vehicle, appointments, assigned } = detail;
  const now = detail.renderedAt.getTime();
  const money = (n: number) => formatPrice(n, tenant.currency, tenant.locale);
  const budget = lead?.budgetMax ? (lead.budgetMin ? `${money(lead.budgetMin)} – ${money(lead.budgetMax)}` : `up to ${money(lead.budgetMax)}`) : null;
  const prefs = lead ? preferenceLine(lead.preferences) : null;
  const place = { locale: tenant.locale, timeZone: tenant.timeZone, today: zonedParts(detail.renderedAt, tenant.timeZone).date, whatsappOpen: detail.conversation.medium === "whatsapp" && detail.windowOpen };
  // The car of interest is the dialog's first choice while it is still for sale.
  const carOfInterest = vehicle && (vehicle.status === "available" || vehicle.status === "reserved")
    ? { id: vehicle.id, code: vehicle.code, make: vehicle.make, model: vehicle.model, year: vehicle.year } : null;
  return (
    <div aria-label="Lead details" role="region">
      <Section title="Contact">
        <p className="font-medium text-ink">{contact.name ?? "Name unknown"}</p>
        <dl className="space-y-1 text-sm">
          {contact.phone ? <div className="flex gap-2"><dt className="sr-only">Phone</dt><dd><a className="text-brand-ink underline" href={`tel:+${contact.phone}`}>+{contact.phone}</a></dd></div> : null}
          {contact.email ? <div className="flex gap-2"><dt className="sr-only">E-mail</dt><dd className="break-all"><a className="text-brand-ink underline" href={`mailto:${contact.email}`}>{contact.email}</a></dd></div> : null}
          {contact.language ? <div className="flex gap-2"><dt className="text-ink-muted">Language</dt><dd>{languageNames[contact.language as Lang] ?? contact.language}</dd></div> : null}
        </dl>
        {[...contact.tags, ...(lead?.tags ?? [])].length ? (
          <ul aria-label="Tags" className="flex flex-wrap gap-1">{[...new Set([...contact.tags, ...(lead?.tags ?? [])])].map((t) => <li key={t}><Badge>{t}</Badge></li>)}</ul>
        ) : null}
      </Section>

      {lead ? (
        <>
          <Section title="Lead">
            <div className="flex flex-wrap items-center gap-1.5 text-sm">
              <Badge>{sourceLabels[lead.source] ?? lead.source}</Badge>
              {lead.hot ? <HotBadge /> : null}
              <span className="text-ink-muted">Score <strong className="font-semibold text-ink tabular-nums">{lead.score}</strong>/100</span>
            </div>
            {lead.summary ? <p className="text-sm text-ink wrap-anywhere">{lead.summary}</p> : null}
            {lead.stage === "lost" && lead.lostReason ? <p className="text-sm text-ink-muted">Lost: {lead.lostReason}</p> : null}
            <StageForm key={lead.stage} leadId={lead.id} stage={lead.stage} />
          </Section>

          <Section title="Vehicle of interest">
            {vehicle ? (
              <Link href={`/inventory/${vehicle.id}`} className="flex gap-3 rounded-lg p-1 -m-1 hover:bg-slate-50">
                {vehicle.images[0] ? <img src={`${vehicle.images[0].url}?w=320`} alt="" width={96} height={72} className="h-18 w-24 shrink-0 rounded-md object-cover" /> : null}
                <span className="min-w-0 text-sm">
                  <span className="block font-medium text-ink">{vehicle.code} {vehicle.make} {vehicle.model}</span>
                  <span className="block text-ink-muted">{[vehicle.variant, vehicle.year].filter(Boolean).join(" · ")}</span>
                  <span className="block font-medium text-ink tabular-nums">{money(vehicle.price)}{vehicle.status !== "available" ? <span className="ml-1.5 font-normal text-ink-muted">({vehicle.status})</span> : null}</span>
                </span>
              </Link>
            ) : <p className="text-sm text-ink-muted">No car chosen yet.</p>}
            {budget || prefs ? (
              <dl className="space-y-1 text-sm">
                {budget ? <div className="flex gap-2"><dt className="text-ink-muted">Budget</dt><dd className="tabular-nums">{budget}</dd></div> : null}
                {prefs ? <div className="flex gap-2"><dt className="text-ink-muted">Wants</dt><dd>{prefs}</dd></div> : null}
              </dl>
            ) : null}
          </Section>

          <Section title="Assigned rep">
            <AssignForm key={assigned?.id ?? "none"} leadId={lead.id} assigned={assigned} team={team} canAssignOthers={canAssignOthers} viewerId={viewerId} />
          </Section>

          <Section title="Appointments">
            {appointments.length === 0 ? <p className="text-sm text-ink-muted">No test drive or visit booked.</p> : (
              <ul className="space-y-1.5 text-sm">
                {appointments.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-baseline gap-x-2">
                    <span className="font-medium text-ink">{a.kind === "test_drive" ? "Test drive" : "Visit"}</span>
                    <time dateTime={a.startsAt.toISOString()}>{formatDateTime(a.startsAt, tenant.locale, tenant.timeZone)}</time>
                    {a.showroom ? <span className="text-ink-muted">at {a.showroom}</span> : null}
                    <Badge tone={a.status === "cancelled" || a.status === "no_show" ? "neutral" : "success"}>{appointmentStatusLabels[a.status] ?? a.status}</Badge>
                    {(a.status === "booked" || a.status === "confirmed") && a.startsAt.getTime() <= now ? (
                      <AppointmentOutcomeForm appointmentId={a.id} label={a.kind === "test_drive" ? "test drive" : "visit"} />
                    ) : null}
                    {a.kind === "test_drive" && a.vehicleId && a.car && (a.status === "booked" || a.status === "confirmed") && a.startsAt.getTime() > now ? (
                      <span className="flex basis-full flex-wrap gap-2 pt-1">
                        <TestDriveDialog leadId={lead.id} car={{ id: a.vehicleId, ...a.car }} moving={{ date: zonedParts(a.startsAt, tenant.timeZone).date }} place={place} />
                        <CancelTestDrive appointmentId={a.id} when={formatDateTime(a.startsAt, tenant.locale, tenant.timeZone)} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <TestDriveDialog leadId={lead.id} car={carOfInterest} place={place} />
          </Section>

          <Section title="Follow-ups">
            <LeadFollowups tenantId={tenant.id} leadId={lead.id} locale={tenant.locale} timeZone={tenant.timeZone} shopperLanguage={contact.language} />
          </Section>

          <Section title="Notes">
            {lead.notes ? <p className="text-sm whitespace-pre-wrap text-ink wrap-anywhere">{lead.notes}</p> : <p className="text-sm text-ink-muted">No notes yet.</p>}
            <NoteForm leadId={lead.id} />
          </Section>
        </>
      ) : (
        <Section title="Lead"><p className="text-sm text-ink-muted">This conversation has no lead.</p></Section>
      )}

      {showPrivacy ? (
        <Section title="Privacy">
          {contact.erasedAt ? <p className="text-sm text-ink-muted">This contact was erased on {formatDateTime(contact.erasedAt, tenant.locale, tenant.timeZone)}.</p> : <PrivacyControls conversationId={detail.conversation.id} contactId={contact.id} />}
        </Section>
      ) : null}
    </div>
  );
}
