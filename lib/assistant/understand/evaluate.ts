import type { Entities, Intent, KnownModel, Lang } from "../types";
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

// The fixed clock the evaluation set's dates are written against: Wednesday 11 March 2026, 10:00 in Amsterdam.
export const evalClock = { now: new Date("2026-03-11T09:00:00Z"), timeZone: "Europe/Amsterdam", defaultLang: "nl" as Lang };

const canonical = (v: unknown): string =>
  v && typeof v === "object" ? JSON.stringify(Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))) : JSON.stringify(v);
const ratio = (n: number, d: number) => (d === 0 ? 1 : Math.round((n / d) * 1000) / 1000);

/** Intent accuracy, entity accuracy (per field and overall) and language match of the offline understanding. */
export function evaluateUnderstanding(cases: EvalCase[], opts: { knownModels?: KnownModel[]; now?: Date; timeZone?: string; defaultLang?: Lang } = {}): UnderstandingReport {
  const fields: Record<string, FieldScore> = {};
  const score = (f: string) => (fields[f] ??= { expected: 0, correct: 0, spurious: 0, accuracy: 0 });
  let intents = 0, langs = 0, exact = 0;
  const failures: UnderstandingReport["failures"] = [];

  for (const c of cases) {
    const u = understandMessage(c.text, {
      defaultLang: c.defaultLang ?? opts.defaultLang ?? evalClock.defaultLang,
      now: opts.now ?? evalClock.now,
      timeZone: c.timeZone ?? opts.timeZone ?? evalClock.timeZone,
      knownModels: opts.knownModels,
    });
    const problems: string[] = [];
    if (u.intents[0] === c.intent) intents++;
    else problems.push(`intent ${u.intents[0]} ≠ ${c.intent}`);
    if (u.language === c.lang) langs++;
    else problems.push(`language ${u.language} ≠ ${c.lang}`);
    const got = u.entities as Record<string, unknown>;
    const want = c.entities as Record<string, unknown>;
    let allRight = true;
    for (const [field, value] of Object.entries(want)) {
      const s = score(field);
      s.expected++;
      if (canonical(got[field]) === canonical(value)) s.correct++;
      else { allRight = false; problems.push(`${field} ${canonical(got[field])} ≠ ${canonical(value)}`); }
    }
    for (const field of Object.keys(got).filter((f) => !(f in want))) {
      score(field).spurious++;
      allRight = false;
      problems.push(`extra ${field} ${canonical(got[field])}`);
    }
    if (allRight) exact++;
    if (problems.length) failures.push({ id: c.id, text: c.text, problems });
  }
  let expected = 0, correct = 0;
  for (const s of Object.values(fields)) {
    s.accuracy = ratio(s.correct, s.expected);
    expected += s.expected;
    correct += s.correct;
  }
  return {
    cases: cases.length, intentAccuracy: ratio(intents, cases.length), languageMatch: ratio(langs, cases.length),
    entityAccuracy: ratio(correct, expected), entityExactMatch: ratio(exact, cases.length), fields, failures,
  };
}
