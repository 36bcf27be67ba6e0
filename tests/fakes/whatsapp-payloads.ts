import { createHmac, randomBytes } from "node:crypto";

// Webhook bodies in the shape Meta sends them, and the signature it puts on them.

export const wamid = () => `wamid.HBgL${randomBytes(10).toString("hex").toUpperCase()}`;

export function signMeta(rawBody: string, secret = "dev-app-secret") {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

const envelope = (phoneNumberId: string, value: Record<string, unknown>) => ({
  object: "whatsapp_business_account",
  entry: [{ id: "WABA_ID", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "31850000000", phone_number_id: phoneNumberId }, ...value } }] }],
});

export function whatsappText(o: { phoneNumberId: string; from: string; text: string; id?: string; name?: string; at?: Date }) {
  return envelope(o.phoneNumberId, {
    contacts: [{ profile: { name: o.name ?? "Shopper" }, wa_id: o.from }],
    messages: [{ from: o.from, id: o.id ?? wamid(), timestamp: String(Math.floor((o.at ?? new Date()).getTime() / 1000)), type: "text", text: { body: o.text } }],
  });
}

/** A shopper's message of any type; `content` is that type's object ({ id, mime_type } for a voice note, { latitude, longitude } for a pin). */
export function whatsappMessage(o: { phoneNumberId: string; from: string; type: string; content: Record<string, unknown>; id?: string }) {
  return envelope(o.phoneNumberId, {
    contacts: [{ profile: { name: "Shopper" }, wa_id: o.from }],
    messages: [{ from: o.from, id: o.id ?? wamid(), timestamp: String(Math.floor(Date.now() / 1000)), type: o.type, [o.type]: o.content }],
  });
}

export function whatsappImage(o: { phoneNumberId: string; from: string; mediaId: string; caption?: string; id?: string }) {
  return whatsappMessage({ ...o, type: "image", content: { id: o.mediaId, mime_type: "image/jpeg", caption: o.caption, sha256: "x" } });
}

export function whatsappStatus(o: { phoneNumberId: string; id: string; status: "sent" | "delivered" | "read" | "failed"; at?: Date; error?: { code: number; title: string } }) {
  return envelope(o.phoneNumberId, {
    statuses: [{
      id: o.id, status: o.status, timestamp: String(Math.floor((o.at ?? new Date()).getTime() / 1000)), recipient_id: "31600000000",
      ...(o.error ? { errors: [{ code: o.error.code, title: o.error.title }] } : {}),
    }],
  });
}

/** A signed POST as Meta would send it (JSON with unicode escaped, like Meta does). */
export function signedRequest(url: string, body: unknown, secret = "dev-app-secret", headers: Record<string, string> = {}) {
  const raw = JSON.stringify(body).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return new Request(url, { method: "POST", body: raw, headers: { "content-type": "application/json", "x-hub-signature-256": signMeta(raw, secret), ...headers } });
}
