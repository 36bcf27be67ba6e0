import { createRandom, seedFromString } from "./random";
import type { Body, Fuel, MarketSpec } from "./types";

export type DemoVehicle = {
  externalId: string; plate: string; stockCode: string; make: string; model: string; variant: string; year: number;
  mileageKm: number; price: number; costPrice: number; fuel: Fuel; transmission: "manual" | "automatic"; body: Body;
  color: string; doors: number; seats: number; powerHp: number; description: string; features: string[];
  status: "available" | "reserved" | "sold" | "draft"; createdDaysAgo: number; previousPrice: { price: number; daysAgo: number } | null;
};

export type DemoLead = {
  name: string; phone: string; email: string | null;
  source: "whatsapp" | "facebook" | "website" | "email" | "walk_in" | "phone";
  stage: "new" | "contacted" | "qualified" | "test_drive" | "negotiation" | "won" | "lost";
  score: number; assignedStaff: 2 | 3 | null; vehicleIndex: number; createdDaysAgo: number; lostReason: string | null;
  mode: "bot" | "human";
  messages: { kind: "customer" | "assistant" | "staff"; text: string; minutesAfter: number }[];
  appointment: { inDays: number; hour: number; minute: number; status: "booked" | "completed" | "no_show" } | null;
};

const sources: DemoLead["source"][] = ["whatsapp", "whatsapp", "whatsapp", "facebook", "website", "whatsapp", "email", "facebook", "whatsapp", "website", "walk_in", "phone"];
const stages: DemoLead["stage"][] = ["new", "new", "contacted", "contacted", "qualified", "test_drive", "negotiation", "won", "lost", "qualified"];

function roundPrice(value: number, step: number) {
  const rounded = Math.round(value / (step * 10)) * step * 10;
  return step < 100 ? rounded - step : rounded;
}

export function buildVehicles(spec: MarketSpec, now: Date, count = 46): DemoVehicle[] {
  const r = createRandom(seedFromString(`${spec.slug}-vehicles`));
  const thisYear = now.getUTCFullYear();
  const plates = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const m = spec.models[i % spec.models.length];
    const year = r.int(thisYear - 9, thisYear - 1);
    const age = thisYear - year;
    const mileageKm = Math.round((age * spec.mileagePerYear * (0.6 + r.next() * 0.8)) / 100) * 100 + r.int(0, 99);
    const fuel = r.pick(m.fuels);
    const price = roundPrice(m.basePrice * 0.89 ** (age - 1) * (1 - Math.min(mileageKm / 1_000_000, 0.15)), spec.priceStep);
    let plate = spec.plate(r);
    while (plates.has(plate)) plate = spec.plate(r);
    plates.add(plate);
    const color = r.pick(spec.colors);
    const status: DemoVehicle["status"] = i < 3 ? "sold" : i < 5 ? "draft" : i < 8 ? "reserved" : "available";
    const features = spec.features.filter(() => r.chance(0.55)).slice(0, 9);
    const dropped = i % 6 === 1;
    return {
      externalId: `${spec.stockPrefix}-${1000 + i}`,
      plate,
      stockCode: `${spec.stockPrefix}-${1000 + i}`,
      make: m.make, model: m.model, variant: r.pick(m.variants), year, mileageKm, price,
      costPrice: Math.round(price * 0.86),
      fuel,
      transmission: fuel === "electric" || r.chance(m.automaticShare) ? "automatic" : "manual",
      body: m.body, color, doors: m.doors, seats: m.seats, powerHp: m.powerHp,
      description: spec.describe({ make: m.make, model: m.model, year, mileageKm, fuel, color }),
      features: features.length >= 4 ? features : spec.features.slice(0, 5),
      status,
      createdDaysAgo: r.int(2, 90),
      previousPrice: dropped ? { price: price + spec.priceStep * 20, daysAgo: r.int(1, 10) } : null,
    };
  });
}

export function buildLeads(spec: MarketSpec, vehicles: DemoVehicle[]): DemoLead[] {
  const r = createRandom(seedFromString(`${spec.slug}-leads`));
  const available = vehicles.map((v, i) => ({ v, i })).filter(({ v }) => v.status === "available" || v.status === "reserved");
  return spec.customerNames.map((name, i) => {
    const source = sources[i % sources.length];
    const stage = stages[i % stages.length];
    const pick = available[r.int(0, available.length - 1)];
    const car = `${pick.v.make} ${pick.v.model}`;
    const score = stage === "negotiation" || stage === "test_drive" ? r.int(72, 95) : stage === "new" ? r.int(10, 45) : r.int(30, 75);
    const human = stage === "negotiation" || stage === "won";
    const [ask1, ask2] = spec.conversation.customerAsks(car);
    const [ans1, ans2] = spec.conversation.assistantAnswers(car, `{code:${pick.v.externalId}}`, `{price:${pick.v.externalId}}`);
    const messages: DemoLead["messages"] =
      source === "whatsapp"
        ? [
            { kind: "customer", text: ask1, minutesAfter: 0 },
            { kind: "assistant", text: ans1, minutesAfter: 1 },
            ...(stage !== "new" ? [{ kind: "customer" as const, text: ask2, minutesAfter: 6 }, { kind: "assistant" as const, text: ans2, minutesAfter: 7 }] : []),
            ...(human ? [{ kind: "staff" as const, text: spec.conversation.staffLine, minutesAfter: 45 }] : []),
          ]
        : [{ kind: "customer", text: ask1, minutesAfter: 0 }];
    const first = name.split(" ")[0].toLowerCase().normalize("NFKD").replace(/[^a-z]/g, "");
    return {
      name,
      phone: `${spec.phonePrefix}${String(3_000_000_000 + i * 7_919_111 + r.int(0, 999)).slice(-spec.phoneDigits)}`,
      email: source === "email" || source === "website" || r.chance(0.4) ? `${first}.${i}@${spec.emailDomain}` : null,
      source, stage, score,
      assignedStaff: stage === "new" && i % 3 === 0 ? null : i % 2 === 0 ? 2 : 3,
      vehicleIndex: pick.i,
      createdDaysAgo: stage === "new" ? r.int(0, 3) : r.int(2, 60),
      lostReason: stage === "lost" ? r.pick(spec.lostReasons) : null,
      mode: human ? "human" : "bot",
      messages,
      appointment:
        stage === "test_drive" ? { inDays: r.int(1, 5), hour: r.pick([10, 11, 14, 15]), minute: r.pick([0, 30]), status: "booked" }
        : stage === "negotiation" || stage === "won" ? { inDays: -r.int(2, 10), hour: 11, minute: 0, status: "completed" }
        : null,
    };
  });
}
