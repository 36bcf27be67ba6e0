import type { Random } from "./random";
import type { Body, DemoLead, DemoStaff, DemoTenant, Fuel, Transmission } from "./types";

export type Trim = { variant: string; fuel: Fuel; transmission: Transmission; powerHp: number; newPrice: number };

export type ModelRow = {
  make: string;
  model: string;
  body: Body;
  doors: number;
  seats: number;
  // model years this generation was sold in the market
  since: number;
  until?: number;
  trims: Trim[];
};

export type CarFacts = { make: string; model: string; variant: string; year: number; mileageKm: number; fuel: Fuel; transmission: Transmission; body: Body; color: string; seats: number };

// How a car is named in a chat: the assistant always gives code, make, model, year and price.
export type CarMention = { code: string; title: string; year: number; price: string; km: string };

export type ChatLines = {
  opener: (car: CarMention) => string[];
  offer: (car: CarMention) => string;
  askDetails: string[];
  details: (car: CarMention) => string;
  statesBudget: (budget: string) => string[];
  suggest: (cars: CarMention[]) => string;
  thinking: string[];
  askTestDrive: string[];
  offerSlots: (slots: string[]) => string;
  pickSlot: (slot: string) => string;
  bookedEvent: (slot: string, staffName: string) => string;
  booked: (slot: string) => string;
  askDiscount: string[];
  handover: (staffFirstName: string) => string;
  handoverEvent: (staffName: string) => string;
  staffOffer: (car: CarMention, price: string) => string;
  accepts: string[];
  staffWon: (customerFirstName: string) => string;
  declines: string[];
  afterLost: string;
  // word between the date and the time in a slot: "om", "kl.", "pukul"
  slotJoiner: string;
};

export type Pricing = {
  kmPerYear: number;
  ages: [number, number];
  firstYearRetention: number;
  yearlyRetention: number;
  round: (price: number) => number;
  roundCost: (price: number) => number;
  roundBudget: (price: number) => number;
};

export type FeatureRule = [label: string, applies?: (car: CarFacts) => boolean];

export type MarketSpec = {
  tenant: DemoTenant;
  staff: [DemoStaff, DemoStaff, DemoStaff, DemoStaff];
  customers: string[];
  mobileNumber: (r: Random) => string;
  models: ModelRow[];
  colors: string[];
  plate: (r: Random, car: CarFacts) => string;
  stockPrefix: string;
  pricing: Pricing;
  features: FeatureRule[];
  describe: (car: CarFacts, r: Random) => string;
  chat: ChatLines;
  inquiry: Record<Exclude<DemoLead["source"], "whatsapp">, (carTitle: string) => string>;
  lostReasons: string[];
};
