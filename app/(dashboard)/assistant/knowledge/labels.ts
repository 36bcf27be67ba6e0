import type { KnowledgeTopic } from "@/db/schema";

// Shared by the server page and the client form (a client module's plain values are not readable on the server).
export const languageNames: Record<string, string> = { nl: "Dutch", nb: "Norwegian", de: "German", en: "English", id: "Indonesian" };
export const topicNames: Record<KnowledgeTopic, string> = {
  warranty: "Warranty", trade_in: "Trade-in", financing: "Financing partners", delivery: "Delivery", documents: "Documents needed", opening: "Opening exceptions", other: "Other",
};
