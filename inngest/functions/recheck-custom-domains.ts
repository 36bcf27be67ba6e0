import { defineFunction } from "../define";
import { clock } from "../local/clock";
import { recheckCustomDomains } from "@/lib/settings/custom-domain";

// Once a day: every verified custom domain's DNS records are checked again; one wrong for days stops serving.
export const recheckCustomDomainsFn = defineFunction(
  { id: "recheck-custom-domains", triggers: [{ cron: "17 3 * * *" }], retries: 1 },
  async ({ step }) => step.run("recheck", async () => recheckCustomDomains(clock.now())),
);
