import type { GroundingViolation } from "./grounding";
import { detectLanguage } from "./understand";
import { ratio, scoreUnderstanding, summarizeUnderstanding, type CaseScore, type EvalCase, type UnderstandingReport } from "./understand/evaluate";
import type { Entities, Intent, Lang } from "./types";

/** What the full offline assistant did with one evaluation message. */
export type ReplyOutcomeForEval = {
  text: string; lang: Lang; intents: Intent[]; entities: Entities; violations: GroundingViolation[];
};

export type ReplyCaseScore = CaseScore & {
  replyLang: Lang; replyLangOk: boolean; proposed: string[]; hits: number; expectedHits: number; violations: GroundingViolation[];
};

export type ReplyReport = UnderstandingReport & {
  replyLanguageMatch: number;
  /** Proposed codes that are acceptable, over all proposed codes. */
  retrievalPrecision: number;
  /** Acceptable codes proposed, over what one reply can list (at most `perReply` per case). */
  retrievalRecall: number;
  perReply: number;
  proposals: number;
  groundingViolations: number;
  replyFailures: { id: string; text: string; reply: string; problems: string[] }[];
};

const codePattern = /#[A-Z]{1,3}\d{2,3}(?![\p{L}\d])/giu;

/** The stock codes a reply names, in order, once each. */
export function proposedCodes(reply: string): string[] {
  return [...new Set([...reply.matchAll(codePattern)].map((m) => m[0].toUpperCase()))];
}

// The language a reply reads as: ambiguous text falls back to a language that is never the expected one.
function replyLanguage(text: string, expected: Lang): Lang {
  return detectLanguage(text.replace(/https?:\/\/\S+/g, " "), expected === "en" ? "nl" : "en").lang;
}

export function scoreReply(c: EvalCase, r: ReplyOutcomeForEval, perReply: number): ReplyCaseScore {
  const base = scoreUnderstanding(c, { language: r.lang, intents: r.intents, entities: r.entities });
  const replyLang = replyLanguage(r.text, c.lang);
  const proposed = proposedCodes(r.text);
  const acceptable = new Set(c.acceptableCodes.map((x) => x.toUpperCase()));
  const hits = proposed.filter((x) => acceptable.has(x)).length;
  const problems = [...base.problems];
  if (replyLang !== c.lang) problems.push(`reply reads as ${replyLang} ≠ ${c.lang}`);
  const wrong = proposed.filter((x) => !acceptable.has(x));
  if (wrong.length) problems.push(`proposed ${wrong.join(" ")} (acceptable: ${c.acceptableCodes.join(" ") || "none"})`);
  const expectedHits = Math.min(acceptable.size, perReply);
  if (hits < expectedHits) problems.push(`found ${hits} of ${expectedHits} acceptable cars`);
  for (const v of r.violations) problems.push(`grounding: ${v.kind} "${v.text}"`);
  return { ...base, problems, replyLang, replyLangOk: replyLang === c.lang, proposed, hits, expectedHits, violations: r.violations };
}

/** Understanding figures plus what the replies themselves did: language, retrieval and grounding. */
export function summarizeReplies(scores: ReplyCaseScore[], replies: Map<string, string>, perReply: number): ReplyReport {
  const understanding = summarizeUnderstanding(scores);
  const sum = (f: (s: ReplyCaseScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const proposals = sum((s) => s.proposed.length);
  return {
    ...understanding,
    replyLanguageMatch: ratio(scores.filter((s) => s.replyLangOk).length, scores.length),
    retrievalPrecision: ratio(sum((s) => s.hits), proposals),
    retrievalRecall: ratio(sum((s) => Math.min(s.hits, s.expectedHits)), sum((s) => s.expectedHits)),
    perReply, proposals,
    groundingViolations: sum((s) => s.violations.length),
    replyFailures: scores.filter((s) => s.problems.length).map((s) => ({ id: s.id, text: s.text, reply: replies.get(s.id) ?? "", problems: s.problems })),
  };
}
