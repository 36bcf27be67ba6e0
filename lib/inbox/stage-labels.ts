import type { LeadStage } from "@/db/schema";

export const stageLabels: Record<LeadStage, string> = {
  new: "New", contacted: "Contacted", qualified: "Qualified", test_drive: "Test drive", negotiation: "Negotiation", won: "Won", lost: "Lost",
};

/** Pipeline order, without importing the schema into client bundles. */
export const stageOrder = Object.keys(stageLabels) as LeadStage[];
