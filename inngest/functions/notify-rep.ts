import { defineFunction } from "../define";
import { alertRep, repAlertRecipients, type RepAlertRequest } from "@/lib/leads/rep-alerts";

export const notifyRep = defineFunction(
  {
    id: "notify-rep",
    triggers: [{ event: "lead/rep-alert.requested" }],
    // One alert run per lead at a time, so the "already alerted" check cannot race.
    concurrency: { key: "event.data.leadId", limit: 1 },
    retries: 3,
  },
  async ({ event, step }) => {
    const req = event.data as RepAlertRequest;
    const recipients = await step.run("recipients", () => repAlertRecipients(req.tenantId, req.leadId));
    const outcomes = [];
    for (const userId of recipients) outcomes.push(await step.run(`alert-${userId}`, () => alertRep(req, userId)));
    return outcomes;
  },
);
