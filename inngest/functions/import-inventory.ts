import { defineFunction } from "../define";
import { runImport } from "@/lib/inventory/sync";
import { getTenantById } from "@/lib/tenancy";

export const importInventory = defineFunction(
  {
    id: "import-inventory",
    triggers: [{ event: "inventory/import.requested" }],
    // One import at a time per dealership keeps the diff against a stable lot.
    concurrency: { key: "event.data.tenantId", limit: 1 },
    retries: 3,
  },
  async ({ event, step }) => {
    const { tenantId, importId } = event.data as { tenantId: string; importId: string };
    return step.run("apply", async () => {
      const tenant = await getTenantById(tenantId);
      if (!tenant) return { skipped: "tenant gone" };
      const r = await runImport(tenantId, importId, tenant.currency);
      return "counts" in r ? { counts: r.counts, invalid: r.errors.length, durationMs: r.durationMs } : r;
    });
  },
);
