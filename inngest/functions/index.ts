import { deliverMessageFn } from "./deliver-message";
import { importInventory } from "./import-inventory";
import { notifyVehicleChange } from "./notify-vehicle-change";
import { processInboxFn } from "./process-inbox";
import { recordUsageFn } from "./record-usage";
import { replyToShopper } from "./reply-to-shopper";
import { sendBroadcast } from "./send-broadcast";
import { sweepInbox } from "./sweep-inbox";

// Every function the app serves (Inngest) or runs in-process (embedded mode).
export const functions = [recordUsageFn, sweepInbox, processInboxFn, deliverMessageFn, replyToShopper, importInventory, notifyVehicleChange, sendBroadcast];
