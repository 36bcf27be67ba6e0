import type { KnowledgeTopic } from "@/db/schema";

// Shared by the server page and the client form (a client module's plain values are not readable on the server).
export const topicNames: Record<KnowledgeTopic, string> = {
  warranty: "Warranty", trade_in: "Trade-in", financing: "Financing partners", delivery: "Delivery", documents: "Documents needed", opening: "Opening exceptions", other: "Other",
};
