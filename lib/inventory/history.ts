import { englishVehicleWords } from "@/lib/catalog/vehicle-words";

type VehicleEvent = { type: string; old: Record<string, unknown> | null; new: Record<string, unknown> | null };

// The vehicle form's labels for the columns an edit records (lib/inventory/admin.ts `tracked`).
const fieldWords: Record<string, string> = {
  mileageKm: "mileage", make: "make", model: "model", variant: "variant", year: "year", fuel: "fuel", transmission: "transmission",
  body: "body", color: "colour", description: "description", branchId: "showroom",
};

const statusWord = (s: unknown) => englishVehicleWords.statuses[String(s)] ?? String(s);

/** One line of a vehicle's history on its dashboard page. */
export function describeVehicleEvent(e: VehicleEvent, money: (n: number) => string): string {
  if (e.type === "price_changed") return `Price ${money(Number(e.old?.price))} → ${money(Number(e.new?.price))}`;
  if (e.type === "status_changed") return `Status ${statusWord(e.old?.status)} → ${statusWord(e.new?.status)}`;
  if (e.type === "created") return "Added to inventory";
  if (e.type === "removed") return "Removed from the feed";
  return `Updated ${Object.keys(e.new ?? {}).map((k) => fieldWords[k] ?? k).join(", ")}`;
}
