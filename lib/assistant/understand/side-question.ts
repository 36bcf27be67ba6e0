import type { UnderstandContext } from "../types";
import { understandMessage } from "./index";

// Where one question ends and the next begins: a sentence's end, a new line, or "and" between two clauses.
const clauseBreak = /(?<=[?!.])\s+|\n+|\s+(?:en|and|und|og|dan|terus|trus|plus)\s+(?=\p{L})/iu;
const carQuestions = new Set(["browse", "specific_vehicle"]);

/**
 * "Hebben jullie een automaat onder de 20.000 en zijn jullie zaterdag open?": the opening hours or the address asked
 * in a clause of its own beside a question about cars, so both are answered. Null unless the message clearly holds both.
 */
export function sideQuestion(text: string, ctx: UnderstandContext): "opening_hours" | "location" | null {
  const clauses = text.split(clauseBreak).map((c) => c.trim()).filter(Boolean);
  if (clauses.length < 2) return null;
  for (const [i, clause] of clauses.entries()) {
    // A clause that names a car or a wish is ranked as a car question, never as hours or address.
    const kind = understandMessage(clause, ctx).intents[0];
    if (kind !== "opening_hours" && kind !== "location") continue;
    const rest = understandMessage(clauses.filter((_, j) => j !== i).join(". "), ctx);
    return carQuestions.has(rest.intents[0]) ? kind : null;
  }
  return null;
}
