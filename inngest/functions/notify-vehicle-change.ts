import { defineFunction } from "../define";
import { notifyInterestedShoppers } from "@/lib/inventory/side-effects";

export const notifyVehicleChange = defineFunction(
  { id: "notify-vehicle-change", triggers: [{ event: "inventory/vehicle.changed" }], retries: 3 },
  async ({ event, step }) => {
    const { tenantId, vehicleId, change } = event.data as { tenantId: string; vehicleId: string; change: string };
    if (change !== "sold" && change !== "removed" && change !== "price_drop") return { skipped: change };
    return step.run("notify-shoppers", () => notifyInterestedShoppers(tenantId, vehicleId, change));
  },
);
