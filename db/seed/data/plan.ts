import type { DemoLead } from "./types";

export type LeadPlanRow = {
  source: DemoLead["source"];
  stage: DemoLead["stage"];
  score: number;
  // index into the two sales reps, or null for an unassigned lead
  rep: 0 | 1 | null;
  daysAgo: number;
  // won and lost leads: when the deal closed
  closedDaysAgo?: number;
  // lost leads: the furthest stage reached before they were lost
  reached?: "contacted" | "qualified" | "test_drive" | "negotiation";
  // "awaiting": took place in the last days, still "booked" because nobody marked it done or missed yet
  appointment?: "booked" | "awaiting" | "completed" | "no_show";
  email: boolean;
};

// The same funnel for every demo dealership: every source, every stage, hot and cold, fresh and two months old.
export const leadPlan: LeadPlanRow[] = [
  { source: "whatsapp", stage: "new", score: 22, rep: null, daysAgo: 0, email: false },
  { source: "whatsapp", stage: "new", score: 35, rep: null, daysAgo: 1, email: false },
  { source: "website", stage: "new", score: 28, rep: null, daysAgo: 0, email: true },
  { source: "facebook", stage: "new", score: 18, rep: null, daysAgo: 2, email: true },
  { source: "email", stage: "new", score: 30, rep: 0, daysAgo: 3, email: true },
  { source: "whatsapp", stage: "new", score: 26, rep: null, daysAgo: 0, email: false },
  { source: "whatsapp", stage: "contacted", score: 41, rep: 0, daysAgo: 4, email: false },
  { source: "facebook", stage: "contacted", score: 33, rep: 1, daysAgo: 6, email: true },
  { source: "phone", stage: "contacted", score: 45, rep: 1, daysAgo: 8, email: false },
  { source: "whatsapp", stage: "contacted", score: 52, rep: null, daysAgo: 10, email: true },
  { source: "email", stage: "contacted", score: 38, rep: 0, daysAgo: 12, email: true },
  { source: "whatsapp", stage: "contacted", score: 48, rep: 1, daysAgo: 24, email: false },
  { source: "whatsapp", stage: "qualified", score: 64, rep: 1, daysAgo: 5, email: false },
  { source: "website", stage: "qualified", score: 58, rep: 0, daysAgo: 9, email: true },
  { source: "walk_in", stage: "qualified", score: 66, rep: 1, daysAgo: 14, email: false },
  { source: "whatsapp", stage: "qualified", score: 72, rep: 0, daysAgo: 17, email: true },
  { source: "facebook", stage: "qualified", score: 55, rep: null, daysAgo: 21, email: true },
  { source: "whatsapp", stage: "test_drive", score: 82, rep: 0, daysAgo: 2, appointment: "booked", email: false },
  { source: "whatsapp", stage: "test_drive", score: 76, rep: 1, daysAgo: 3, appointment: "awaiting", email: true },
  { source: "website", stage: "test_drive", score: 74, rep: 1, daysAgo: 4, appointment: "booked", email: true },
  { source: "phone", stage: "test_drive", score: 71, rep: 0, daysAgo: 1, appointment: "booked", email: false },
  { source: "whatsapp", stage: "test_drive", score: 45, rep: 1, daysAgo: 11, appointment: "no_show", email: false },
  { source: "whatsapp", stage: "negotiation", score: 88, rep: 0, daysAgo: 13, appointment: "completed", email: true },
  { source: "walk_in", stage: "negotiation", score: 91, rep: 1, daysAgo: 8, appointment: "completed", email: false },
  { source: "facebook", stage: "negotiation", score: 79, rep: 0, daysAgo: 16, appointment: "completed", email: true },
  { source: "whatsapp", stage: "won", score: 100, rep: 0, daysAgo: 20, closedDaysAgo: 6, appointment: "completed", email: true },
  { source: "walk_in", stage: "won", score: 100, rep: 1, daysAgo: 33, closedDaysAgo: 19, appointment: "completed", email: false },
  { source: "phone", stage: "won", score: 100, rep: 0, daysAgo: 52, closedDaysAgo: 41, email: true },
  { source: "whatsapp", stage: "lost", score: 12, rep: 1, daysAgo: 27, closedDaysAgo: 20, reached: "contacted", email: false },
  { source: "facebook", stage: "lost", score: 8, rep: null, daysAgo: 44, closedDaysAgo: 30, reached: "contacted", email: true },
  { source: "email", stage: "lost", score: 15, rep: 0, daysAgo: 36, closedDaysAgo: 29, reached: "negotiation", email: true },
  { source: "website", stage: "lost", score: 10, rep: 1, daysAgo: 57, closedDaysAgo: 49, appointment: "no_show", reached: "test_drive", email: true },
];

export const wonPlanRows = leadPlan.filter((row) => row.stage === "won");
