import type { LeadStage } from "@/db/schema";

export const stageLabels: Record<LeadStage, string> = {
  new: "New", contacted: "Contacted", qualified: "Qualified", test_drive: "Test drive", negotiation: "Negotiation", won: "Won", lost: "Lost",
};

/** Where a lead came from, as the inbox, lead card and analytics name it. */
export const sourceLabels: Record<string, string> = {
  whatsapp: "WhatsApp", facebook: "Facebook", website: "Website", email: "E-mail", walk_in: "Walk-in", phone: "Phone", api: "API",
};

/** A test drive's or visit's status. */
export const appointmentStatusLabels: Record<string, string> = {
  booked: "Booked", confirmed: "Confirmed", completed: "Done", no_show: "No-show", cancelled: "Cancelled",
};

/** Pipeline order, without importing the schema into client bundles. */
export const stageOrder = Object.keys(stageLabels) as LeadStage[];
