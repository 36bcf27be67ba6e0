import type { BadgeTone } from "@/components/ui/badge";

export const broadcastTone: Record<string, BadgeTone> = { draft: "neutral", scheduled: "info", sending: "warning", sent: "success", cancelled: "neutral" };
export const recipientTone: Record<string, BadgeTone> = {
  pending: "neutral", sent: "info", delivered: "info", read: "success", replied: "brand", failed: "danger", skipped: "neutral",
};
