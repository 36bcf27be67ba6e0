export { compareReply, composeReply, phraseFor, tradeInName, tradeInValuable, vehicleLine, MAX_REPLY_CHARS, type ReplyInput, type TenantForReply, type VehicleForReply } from "./compose";
export { formatMileage, formatPrice } from "@/lib/format";
export { phrases, phrasesFor, fill, type Phrases } from "./phrases";
export { equipmentFor } from "./equipment";
