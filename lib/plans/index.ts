export { plans, planIds, limitsFor, quotaStatus, assistantMayAnswer, roomProblem, WARNING_RATIO, type Plan, type PlanId, type PlanLimits, type QuotaStatus, type QuotaLevel } from "./catalog";
export { getPlanUsage, assistantRepliesQuota, assistantReplyHistory, assertVehicleRoom, seatLimitProblem, channelLimitProblem, PlanLimitError, ASSISTANT_REPLIES_METRIC, modelTokensLine, type PlanUsage } from "./usage";
export { handOverWhenQuotaReached, QUOTA_HANDOVER_EVENT } from "./assistant-gate";
export { changePlan } from "./change";
