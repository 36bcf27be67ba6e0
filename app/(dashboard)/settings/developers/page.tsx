import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import { hasRole, requireSession } from "@/lib/auth";
import { listApiKeys } from "@/lib/api/keys";
import { appOrigin } from "@/lib/origins";
import { listDeliveries, listWebhookEndpoints, webhookEventTypes } from "@/lib/outgoing-webhooks";
import { deleteEndpointAction, resendDeliveryAction, revokeApiKeyAction, toggleEndpointAction } from "./actions";
import { ApiKeyForm, EndpointForm } from "./developers-client";

export const metadata: Metadata = { title: "API & webhooks" };

const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "never");
const deliveryTone = { delivered: "success", pending: "warning", failed: "danger" } as const;

function Section({ title, description, children }: { title: string; description?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 className="text-lg font-semibold">{title}</h2>
      {description ? <div className="mb-4 mt-1 text-sm text-slate-600">{description}</div> : <div className="mb-4" />}
      {children}
    </section>
  );
}

export default async function DevelopersPage() {
  const session = await requireSession("manager");
  const tenantId = session.tenant.id;
  const admin = hasRole(session.role, "admin");
  const [keys, endpoints, deliveries] = await Promise.all([listApiKeys(tenantId), listWebhookEndpoints(tenantId), listDeliveries(tenantId, 30)]);
  const api = `${appOrigin()}/api/v1`;
  const hidden = (name: string, value: string) => <input type="hidden" name={name} value={value} />;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">API &amp; webhooks</h1>
      <Section title="API keys" description={<>REST API at <code>{api}</code> — send <code>Authorization: Bearer &lt;key&gt;</code>. Reference: <a className="underline" href={`${api}/openapi.json`}>openapi.json</a>.</>}>
        <Table
          caption="API keys" rows={keys} rowKey={(k) => k.id}
          empty={<p className="mb-4 text-sm text-slate-600">No API keys yet.</p>}
          columns={[
            { key: "name", header: "Name", primary: true, cell: (k) => <span className="font-medium">{k.name}</span> },
            { key: "prefix", header: "Key", cell: (k) => <code>{k.prefix}…</code> },
            { key: "scopes", header: "Access", cell: (k) => (k.scopes.includes("write") ? "read and write" : "read only") },
            { key: "used", header: "Last used", cell: (k) => when(k.lastUsedAt) },
            { key: "state", header: "", align: "end", cell: (k) => k.revokedAt ? <Badge tone="neutral">revoked</Badge> : admin ? (
              <form action={revokeApiKeyAction}>{hidden("id", k.id)}<button className={buttonClass({ variant: "danger", size: "sm" })}>Revoke</button></form>
            ) : <Badge tone="success">active</Badge> },
          ]}
        />
        <div className="mt-4">{admin ? <ApiKeyForm /> : <p className="text-sm text-slate-600">Only owners and admins can create API keys.</p>}</div>
      </Section>
      <Section title="Webhooks" description={<>We POST JSON to your URL with <code>X-Forecourt-Signature: sha256=HMAC-SHA256(secret, timestamp + &quot;.&quot; + body)</code> and <code>X-Forecourt-Timestamp</code>. Refuse timestamps older than 5 minutes. Failed deliveries are retried with backoff.</>}>
        <Table
          caption="Webhook endpoints" rows={endpoints} rowKey={(e) => e.id}
          empty={<p className="mb-4 text-sm text-slate-600">No endpoints yet.</p>}
          columns={[
            { key: "url", header: "URL", primary: true, cell: (e) => <code className="break-all">{e.url}</code> },
            { key: "events", header: "Events", cell: (e) => e.events.join(", ") },
            { key: "enabled", header: "State", cell: (e) => <Badge tone={e.enabled ? "success" : "neutral"}>{e.enabled ? "on" : "paused"}</Badge> },
            { key: "actions", header: "", align: "end", cell: (e) => admin ? (
              <div className="flex justify-end gap-2">
                <form action={toggleEndpointAction}>{hidden("id", e.id)}{hidden("enabled", String(!e.enabled))}<button className={buttonClass({ variant: "secondary", size: "sm" })}>{e.enabled ? "Pause" : "Resume"}</button></form>
                <form action={deleteEndpointAction}>{hidden("id", e.id)}<button className={buttonClass({ variant: "danger", size: "sm" })}>Delete</button></form>
              </div>
            ) : null },
          ]}
        />
        <div className="mt-4">{admin ? <EndpointForm eventTypes={webhookEventTypes} /> : null}</div>
      </Section>
      <Section title="Delivery log" description="The last 30 deliveries. Resend posts the same event again (same event id).">
        <Table
          caption="Webhook deliveries" rows={deliveries} rowKey={(d) => d.id}
          empty={<p className="text-sm text-slate-600">Nothing delivered yet.</p>}
          columns={[
            { key: "event", header: "Event", primary: true, cell: (d) => <code>{d.event}</code> },
            { key: "url", header: "To", hideOnPhone: true, cell: (d) => <span className="break-all">{d.url}</span> },
            { key: "status", header: "Status", cell: (d) => <Badge tone={deliveryTone[d.status]}>{d.status}</Badge> },
            { key: "attempts", header: "Attempts", cell: (d) => `${d.attempts}${d.responseStatus ? ` · HTTP ${d.responseStatus}` : ""}` },
            { key: "error", header: "Last error", hideOnPhone: true, cell: (d) => d.lastError ?? "" },
            { key: "at", header: "Created", hideOnPhone: true, cell: (d) => when(d.createdAt) },
            { key: "resend", header: "", align: "end", cell: (d) => admin ? (
              <form action={resendDeliveryAction}>{hidden("id", d.id)}<button className={buttonClass({ variant: "secondary", size: "sm" })}>Resend</button></form>
            ) : null },
          ]}
        />
      </Section>
    </div>
  );
}
