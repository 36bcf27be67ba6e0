import type { Entities, Intent, KnownModel, Lang, Understanding } from "../types";
import { understandMessage } from "./index";

export type EvalCase = {
  id: string;
  text: string;
  lang: Lang;
  intent: Intent;
  /** The entities the message states; extra extracted fields count as spurious. */
  entities: Entities;
  /** Stock codes that correctly answer the message ([] when none should be proposed). */
  acceptableCodes: string[];
  defaultLang?: Lang;
  timeZone?: string;
};

export type FieldScore = { expected: number; correct: number; spurious: number; accuracy: number };

export type UnderstandingReport = {
  cases: number;
  intentAccuracy: number;
  languageMatch: number;
  /** Correct expected fields over all expected fields. */
  entityAccuracy: number;
  /** Cases whose extracted entities equal the expected ones exactly (nothing missing, nothing extra). */
  entityExactMatch: number;
  fields: Record<string, FieldScore>;
  failures: { id: string; text: string; problems: string[] }[];
};

/** How one case was understood: what was right, and each difference in words. */
export type CaseScore = {
  id: string; text: string; intentOk: boolean; languageOk: boolean;
  fields: { field: string; ok: boolean }[]; spurious: string[]; problems: string[];
};

// The fixed clock the evaluation set's dates are written against: Wednesday 11 March 2026, 10:00 in Amsterdam.
export const evalClock = { now: new Date("2026-03-11T09:00:00Z"), timeZone: "Europe/Amsterdam", defaultLang: "nl" as Lang };

const canonical = (v: unknown): string =>
  v && typeof v === "object" ? JSON.stringify(Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))) : JSON.stringify(v);
export const ratio = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000);

/** Compares one understanding (offline or from a full reply) with the case's expectations. */
export function scoreUnderstanding(c: EvalCase, u: Pick<Understanding, "language" | "intents" | "entities">): CaseScore {
  const problems: string[] = [];
  const intentOk = u.intents[0] === c.intent;
  if (!intentOk) problems.push(`intent ${u.intents[0]} ≠ ${c.intent}`);
  const languageOk = u.language === c.lang;
  if (!languageOk) problems.push(`language ${u.language} ≠ ${c.lang}`);
  const got = u.entities as Record<string, unknown>;
  const want = c.entities as Record<string, unknown>;
  const fields = Object.entries(want).map(([field, value]) => {
    const ok = canonical(got[field]) === canonical(value);
    if (!ok) problems.push(`${field} ${canonical(got[field])} ≠ ${canonical(value)}`);
    return { field, ok };
  });
  const spurious = Object.keys(got).filter((f) => !(f in want));
  for (const f of spurious) problems.push(`extra ${f} ${canonical(got[f])}`);
  return { id: c.id, text: c.text, intentOk, languageOk, fields, spurious, problems };
}

/** Intent accuracy, entity accuracy (per field and overall) and language match over scored cases. */
export function summarizeUnderstanding(scores: CaseScore[]): UnderstandingReport {
  const fields: Record<string, FieldScore> = {};
  const score = (f: string) => (fields[f] ??= { expected: 0, correct: 0, spurious: 0, accuracy: 0 });
  for (const s of scores) {
    for (const f of s.fields) {
      score(f.field).expected++;
      if (f.ok) score(f.field).correct++;
    }
    for (const f of s.spurious) score(f).spurious++;
  }
  let expected = 0, correct = 0;
  for (const s of Object.values(fields)) {
    s.accuracy = ratio(s.correct, s.expected);
    expected += s.expected;
    correct += s.correct;
  }
  const count = (ok: (s: CaseScore) => boolean) => ratio(scores.filter(ok).length, scores.length);
  return {
    cases: scores.length, intentAccuracy: count((s) => s.intentOk), languageMatch: count((s) => s.languageOk),
    entityAccuracy: ratio(correct, expected), entityExactMatch: count((s) => s.spurious.length === 0 && s.fields.every((f) => f.ok)), fields,
    failures: scores.filter((s) => s.problems.length).map((s) => ({ id: s.id, text: s.text, problems: s.problems })),
  };
}

/** The offline understanding alone, without the database: each case through understandMessage. */
export function evaluateUnderstanding(cases: EvalCase[], opts: { knownModels?: KnownModel[]; now?: Date; timeZone?: string; defaultLang?: Lang } = {}): UnderstandingReport {
  return summarizeUnderstanding(cases.map((c) => scoreUnderstanding(c, understandMessage(c.text, {
    defaultLang: c.defaultLang ?? opts.defaultLang ?? evalClock.defaultLang,
    now: opts.now ?? evalClock.now,
    timeZone: c.timeZone ?? opts.timeZone ?? evalClock.timeZone,
    knownModels: opts.knownModels,
  }))));
}
