import type { BusinessHoursJson, LeadPreferences, LeadSource, LeadStage } from "@/db/schema";

export type DemoSlug = "demo-nl" | "demo-no" | "demo-id";
export type Fuel = "petrol" | "diesel" | "hybrid" | "electric" | "lpg" | "other";
export type Transmission = "manual" | "automatic";
export type Body = "hatchback" | "sedan" | "estate" | "suv" | "mpv" | "coupe" | "convertible" | "van" | "pickup" | "other";
export type VehicleStatus = "available" | "reserved" | "sold" | "draft";
export type StaffRole = "owner" | "manager" | "sales";

export type DemoTenant = {
  slug: DemoSlug;
  name: string;
  locale: string;
  language: string;
  currency: "EUR" | "NOK" | "IDR";
  timeZone: string;
  country: "NL" | "NO" | "ID";
  address: { street: string; city: string; postalCode: string; country: string };
  geo: { lat: number; lng: number };
  // E.164 digits without "+", like every phone number in the dataset
  phone: string;
  businessHours: BusinessHoursJson;
  branding: { primaryColor: string; accentColor: string };
  whatsapp: { phoneNumberId: string; displayPhone: string };
  ownerWhatsApp: string;
  fonnteDevice: string | null;
  feedSecret: string;
  financing: { ratePct: number; termMonths: number; downPaymentPct: number };
};

export type DemoStaff = { name: string; email: string; role: StaffRole; whatsapp: string };

export type DemoVehicle = {
  externalId: string;
  plate: string;
  stockCode: string;
  make: string;
  model: string;
  variant: string;
  year: number;
  mileageKm: number;
  price: number;
  costPrice: number;
  currency: DemoTenant["currency"];
  fuel: Fuel;
  transmission: Transmission;
  body: Body;
  color: string;
  doors: number;
  seats: number;
  powerHp: number;
  description: string;
  features: string[];
  status: VehicleStatus;
  createdDaysAgo: number;
  soldDaysAgo?: number;
  // earlier asking prices, oldest first; each was the price until `daysAgo` days before now
  priceHistory?: { price: number; daysAgo: number }[];
};

export type DemoContact = { key: string; name: string; phone: string; email: string | null; language: string; consentMarketing: boolean };

export type DemoLead = {
  key: string;
  contactKey: string;
  source: Exclude<LeadSource, "api">;
  stage: LeadStage;
  score: number;
  hot: boolean;
  assignedTo: string | null; // staff e-mail
  vehicleExternalId: string;
  budgetMin: number | null;
  budgetMax: number | null;
  preferences: LeadPreferences;
  // the shopper's first words for sources without a chat (form, e-mail, Facebook form, call note)
  message: string | null;
  lostReason: string | null;
  wonAmount: number | null;
  createdAt: Date;
  contactedAt: Date | null;
  wonAt: Date | null;
  lostAt: Date | null;
  lastActivityAt: Date;
  // step by step from "new" to `stage` (a lost lead through the stages it reached first); none for a new lead
  stageChanges: { from: LeadStage; to: LeadStage; at: Date }[];
};

export type DemoMessage = { sender: "customer" | "assistant" | "staff" | "system"; text: string; at: Date; staffEmail: string | null };

export type DemoConversation = {
  leadKey: string;
  contactKey: string;
  medium: "whatsapp";
  mode: "bot" | "human";
  assignedTo: string | null;
  messages: DemoMessage[];
};

export type DemoAppointment = {
  leadKey: string;
  vehicleExternalId: string;
  assignedTo: string | null;
  kind: "test_drive";
  startsAt: Date;
  endsAt: Date;
  status: "booked" | "completed" | "no_show";
  createdBy: "assistant" | "staff";
};

export type DemoDataset = {
  tenant: DemoTenant;
  staff: DemoStaff[];
  vehicles: DemoVehicle[];
  contacts: DemoContact[];
  leads: DemoLead[];
  conversations: DemoConversation[];
  appointments: DemoAppointment[];
};
