// The follow-up domain's public surface: sequences, enrollment, stopping and the per-lead view.
export { createSequence, deleteSequence, getSequence, listSequencesWithStats, setSequenceEnabled, updateSequence, type Sequence, type SequenceWithStats } from "./sequences";
export { sequenceInput, type SequenceInput } from "./schema";
export { enrollLead } from "./enroll";
export { optOutContact, stopFollowups } from "./stop";
export { getLeadFollowups, type LeadFollowup } from "./lead-view";
export { ensureDefaultSequences } from "./defaults";
