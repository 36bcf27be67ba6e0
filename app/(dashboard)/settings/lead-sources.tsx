import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { channelWebhookUrl, leadSourceUrls } from "@/lib/settings";
import { ChannelSecretForm, DisconnectPageForm, FacebookPageForm, InboundEmailTokenForm } from "./lead-sources-client";

type ListedChannel = { id: string; provider: string; name: string; externalId: string; displayPhone: string | null; hasToken: boolean };

type LeadSourcesProps = { tenantSlug: string; channels: ListedChannel[]; emailTokenSet: boolean; admin: boolean; formSnippet: string };

function Source({ title, status, children }: { title: string; status: ReactNode; children: ReactNode }) {
  return (
    <li className="space-y-3 py-4 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-medium">{title}</h3>
        {status}
      </div>
      {children}
    </li>
  );
}

function Paste({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[11rem_1fr]">
      <dt className="text-ink-muted">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

const Url = ({ children }: { children: string }) => <code className="select-all break-all font-mono">{children}</code>;
const adminsOnly = <p className="text-ink-muted">Only owners and admins can change this.</p>;
const verifyTokenNote = "the META_VERIFY_TOKEN set on the Forecourt server (ask whoever runs it)";

/** Every way leads reach the inbox, with its state and exactly what to paste into the other system. */
export function LeadSources({ tenantSlug, channels, emailTokenSet, admin, formSnippet }: LeadSourcesProps) {
  const urls = leadSourceUrls(tenantSlug);
  const whatsapp = channels.filter((c) => c.provider === "whatsapp_cloud");
  const gateways = channels.filter((c) => c.provider === "waha" || c.provider === "fonnte");
  const pages = channels.filter((c) => c.provider === "facebook_page");
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  return (
    <Card title="Lead sources" description="Where each source sends its leads, and what to paste where. Leads from all of them land in the inbox.">
      <ul className="divide-y divide-line text-sm">
        <Source title="WhatsApp Cloud API" status={<Badge dot tone={whatsapp.some((c) => c.hasToken) ? "success" : "warning"}>{whatsapp.length ? count(whatsapp.length, "number") : "no number connected"}</Badge>}>
          <dl className="space-y-2">
            <Paste label="Callback URL"><Url>{urls.whatsapp}</Url></Paste>
            <Paste label="Verify token">{verifyTokenNote}</Paste>
            <Paste label="Where">Meta app → WhatsApp → Configuration → Webhook; subscribe to <code>messages</code>. Numbers are connected under Channels.</Paste>
          </dl>
        </Source>

        {gateways.map((c) => {
          const url = channelWebhookUrl(c)!;
          const provider = c.provider as "waha" | "fonnte";
          return (
            <Source key={c.id} title={`${provider === "waha" ? "WAHA session" : "Fonnte device"} ${c.externalId}`} status={<Badge dot tone={c.hasToken ? "success" : "warning"}>{c.hasToken ? "connected" : "no API key — messages are stored, not sent"}</Badge>}>
              <dl className="space-y-2">
                <Paste label="Webhook URL"><Url>{provider === "fonnte" ? `${url}?token=…` : url}</Url></Paste>
                <Paste label="Where">
                  {provider === "waha"
                    ? <>WAHA session → Webhooks: this URL, events <code>message</code> and <code>message.ack</code>, and the HMAC key below (SHA-512).</>
                    : <>Fonnte dashboard → Device → Webhook: the URL with the token below. Fonnte sends no signature, so the token is part of the URL.</>}
                </Paste>
              </dl>
              {admin ? <ChannelSecretForm channelId={c.id} provider={provider} url={url} /> : adminsOnly}
            </Source>
          );
        })}

        <Source title="Facebook Lead Ads" status={<Badge dot tone={pages.length ? "success" : "neutral"}>{pages.length ? count(pages.length, "page") : "no page connected"}</Badge>}>
          <dl className="space-y-2">
            <Paste label="Callback URL"><Url>{urls.facebook}</Url></Paste>
            <Paste label="Verify token">{verifyTokenNote}</Paste>
            <Paste label="Where">Meta app → Webhooks → Page: subscribe to <code>leadgen</code>, and subscribe each page to the app. Then connect the page here so its leads can be fetched.</Paste>
          </dl>
          {pages.length ? (
            <ul className="divide-y divide-line rounded-lg border border-line">
              {pages.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                  <span><span className="font-medium">{p.name}</span> · page {p.externalId}</span>
                  <span className="flex items-center gap-2">
                    <Badge tone={p.hasToken ? "success" : "warning"}>{p.hasToken ? "connected" : "no token — leads cannot be fetched"}</Badge>
                    {admin ? <DisconnectPageForm channelId={p.id} pageLabel={`${p.name} (${p.externalId})`} /> : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {admin ? <FacebookPageForm /> : adminsOnly}
        </Source>

        <Source title="Inbound e-mail" status={<Badge dot tone={emailTokenSet ? "success" : "warning"}>{emailTokenSet ? "token set" : "no token — e-mails are refused"}</Badge>}>
          <p>Forward marketplace and portal lead e-mails through a relay (Mailgun, SendGrid Inbound Parse, a Cloudflare Email Worker…) that posts JSON <code>{"{ from, to, subject, text, html }"}</code> to:</p>
          <dl className="space-y-2">
            <Paste label="URL"><Url>{`POST ${urls.email}`}</Url></Paste>
            <Paste label="Token">{emailTokenSet ? "set (hidden)" : "not set"} — as <code>Authorization: Bearer &lt;token&gt;</code> or <code>?token=&lt;token&gt;</code></Paste>
          </dl>
          {admin ? <InboundEmailTokenForm url={urls.email} /> : adminsOnly}
        </Source>

        <Source title="Website forms" status={<Badge tone="info">always on</Badge>}>
          <dl className="space-y-2">
            <Paste label="Endpoint"><Url>{`POST ${urls.forms}`}</Url></Paste>
            <Paste label="Fields"><code>name</code>, <code>phone</code>, <code>email</code>, <code>message</code>, <code>vehicle</code> (code or slug), <code>consent</code> — form-encoded or JSON</Paste>
          </dl>
          <p>Paste this form on your website (or post JSON to the same URL):</p>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{formSnippet}</pre>
        </Source>
      </ul>
    </Card>
  );
}
