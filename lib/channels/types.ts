export type ChannelProvider = "whatsapp_cloud" | "waha" | "fonnte";

export type InboundMessage = {
  kind: "message";
  // phone_number_id (WhatsApp Cloud), session (WAHA), device (Fonnte): finds the tenant's channel
  channelKey: string;
  externalId: string;
  from: string;
  profileName?: string;
  timestamp: Date;
  type: "text" | "image" | "document" | "audio" | "video" | "sticker" | "location" | "interactive" | "reaction" | "unsupported";
  text?: string;
  media?: { id?: string; url?: string; mimeType?: string; caption?: string; filename?: string };
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  interactive?: { id: string; title: string };
  reaction?: { emoji: string; messageId: string };
};

export type InboundStatus = {
  kind: "status";
  channelKey: string;
  externalId: string;
  status: "sent" | "delivered" | "read" | "failed";
  timestamp: Date;
  recipient?: string;
  error?: { code: number; title: string; detail?: string };
};

export type InboundEvent = InboundMessage | InboundStatus;

export type OutboundMessage =
  | { type: "text"; text: string }
  | { type: "image"; url?: string; mediaId?: string; caption?: string }
  | { type: "buttons"; text: string; buttons: { id: string; title: string }[] }
  // `text` is the rendered template, sent as is by providers without templates (WAHA, Fonnte).
  | { type: "template"; name: string; language: string; variables: string[]; text: string };

export type SendResult =
  | { ok: true; externalId: string }
  | { ok: false; retryable: boolean; retryAfterMs?: number; error: { code: number | string; title: string; detail?: string } };

export type ChannelCredentials = { accessToken?: string; apiKey?: string; token?: string; baseUrl?: string | null; externalId: string; graphUrl: string };

export class ChannelPayloadError extends Error {}

export interface Channel {
  provider: ChannelProvider;
  verify(rawBody: string | Buffer, headers: Headers, secret: string, url?: URL): boolean;
  parse(body: unknown): InboundEvent[];
  send(to: string, message: OutboundMessage, creds: ChannelCredentials): Promise<SendResult>;
}
