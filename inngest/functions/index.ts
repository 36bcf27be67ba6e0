import { assignNewLead } from "./assign-new-lead";
import { deliverMessageFn } from "./deliver-message";
import { enrollFollowups } from "./enroll-followups";
import { importInventory } from "./import-inventory";
import { notifyRep } from "./notify-rep";
import { notifyVehicleChange } from "./notify-vehicle-change";
import { preparePhotoSizes } from "./prepare-photo-sizes";
import { processInboxFn } from "./process-inbox";
import { pullInventoryFeed } from "./pull-inventory-feed";
import { queueWebhookDeliveriesFn } from "./queue-webhook-deliveries";
import { recheckCustomDomainsFn } from "./recheck-custom-domains";
import { recordUsageFn } from "./record-usage";
import { replyToShopper } from "./reply-to-shopper";
import { runFollowup } from "./run-followup";
import { scanQuietLeads } from "./scan-quiet-leads";
import { scheduleFeedPulls } from "./schedule-feed-pulls";
import { sendBroadcast } from "./send-broadcast";
import { sendWebhookDeliveryFn } from "./send-webhook-delivery";
import { stopFollowupsFn } from "./stop-followups";
import { sweepInbox } from "./sweep-inbox";

// Every function the app serves (Inngest) or runs in-process (embedded mode).
export const functions = [recordUsageFn, sweepInbox, processInboxFn, deliverMessageFn, replyToShopper, importInventory, notifyVehicleChange, scheduleFeedPulls, pullInventoryFeed, sendBroadcast,
  enrollFollowups, assignNewLead, runFollowup, stopFollowupsFn, scanQuietLeads,
  queueWebhookDeliveriesFn, sendWebhookDeliveryFn, notifyRep, preparePhotoSizes, recheckCustomDomainsFn];
