import { questionTopics } from "./knowledge";
import type { ReplyMemory } from "./offline";
import type { Entities, Intent, Understanding } from "./types";
import {
  asksAboutThatCar, asksCheaper, asksColour, asksForPhotos, asksToCompare, asksWhetherItHas, featureAsked, historyTopic, continuesSearch, financingTerms, pickFromList, shortAnswer, superlativeIn, vehicleCodesIn,
} from "./understand";

export const searchKeys: (keyof Entities)[] = ["make", "makes", "model", "maxPrice", "minPrice", "fuel", "transmission", "body", "minYear", "maxYear", "maxKm", "color", "features"];
export const pickKeys = (e: Entities, keys: (keyof Entities)[]): Partial<Entities> => Object.fromEntries(keys.map((k) => [k, e[k]]));

export type FollowUp = {
  /** The message's entities with the conversation applied: a car picked from the list, a down payment that is no budget. */
  entities: Entities;
  /** What to do with it: the understood intent, or what the conversation makes of it. */
  primary: Intent;
  /** It asks about the car in focus: `weak` only counts when none of the dealer's policies answers it. */
  aboutFocus: "strong" | "weak" | null;
  /** Terms of a financing example the shopper asked for ("over 72 maanden", "5.000 aanbetaling"). */
  terms: ReturnType<typeof financingTerms>;
  /** Answered without a tool: "no" and a bare "ok" leave the door open; "yes" to a list asks which car. */
  reply?: "noProblem" | "acknowledged" | "whichCar" | "passedOn";
  /** Cars to put side by side, when at least two of them are still in stock. */
  compare?: string[];
  /** The cars of the list sent, when the message asks whether they have some equipment ("Zit er een trekhaak op?"). */
  equipmentOf?: string[];
  /** The last search narrowed or varied ("En onder de 15.000?", "Heb je ook iets goedkopers?"). */
  search?: Partial<Entities>;
};

/**
 * What a message means in the conversation so far (the reply memory), for the offline assistant: a short answer to its
 * last reply, a car picked from its list, a question about the car in focus, new financing terms, a comparison or a
 * narrowed search. Pure; the caller runs the tools.
 */
export function readFollowUp(text: string, u: Pick<Understanding, "intents" | "entities">, memory: ReplyMemory): FollowUp {
  const e: Entities = { ...u.entities };
  const noCarNamed = () => !e.vehicleCode && !e.make && !e.model;
  // A car picked from the list we just sent ("de tweede", "nummer 3"): the message is about that car.
  const aboutOneCar = ["other", "specific_vehicle", "test_drive", "financing", "price_negotiation"].includes(u.intents[0]);
  const picked = aboutOneCar && memory.proposedCodes.length > 1 && noCarNamed() ? pickFromList(text, memory.proposedCodes.length) : null;
  if (picked !== null && memory.proposedCodes[picked]) e.vehicleCode = memory.proposedCodes[picked];

  let primary = u.intents[0];
  if (primary === "other" && e.vehicleCode) primary = "specific_vehicle";
  // "Hoeveel km heeft hij?", "Is dat een automaat?": about the car we just showed, so its details, not a new search.
  // "Apakah ada kamera mundur?", "Warnanya apa?", "Servis rutin?": a feature, the colour or the past of that car, unless
  // it names what else to search for.
  const otherFilters = searchKeys.some((k) => k !== "features" && k in e);
  const asksEquipment = !otherFilters && (featureAsked(text) !== null || (e.features !== undefined && asksWhetherItHas(text)));
  const namesFeature = !otherFilters && (asksEquipment || asksColour(text) || historyTopic(text) !== null);
  const aboutFocus = memory.focusCode && noCarNamed() ? asksAboutThatCar(text) ?? (namesFeature ? "strong" : null) : null;
  // "Heeft hij een trekhaak?" or "Warnanya apa aja?" after a list with no car in focus: the answer for each car of it.
  const equipmentOf = (asksEquipment || (!otherFilters && asksColour(text))) && !memory.focusCode && noCarNamed() && memory.proposedCodes.length > 1 && !historyTopic(text) ? memory.proposedCodes : undefined;
  if (primary === "browse" && aboutFocus === "strong") primary = "specific_vehicle";
  // "En over 72 maanden?", "met 5.000 aanbetaling?": the financing example again, on those terms. A down payment is no
  // budget ("5k down" is not "under 5k").
  const terms = ["other", "browse", "financing"].includes(primary) ? financingTerms(text) : {};
  if (terms.downPayment && e.maxPrice === terms.downPayment) delete e.maxPrice;
  if (terms.downPayment && e.minPrice === terms.downPayment) delete e.minPrice;
  const filters = searchKeys.filter((k) => k in e);
  if ((primary === "other" || primary === "browse") && memory.focusCode && Object.keys(terms).length > 0 && filters.length === 0) primary = "financing";
  const out = (more: Partial<FollowUp> = {}): FollowUp => ({ entities: e, primary, aboutFocus, terms, ...more });

  // A bare yes, no or ok (thanks or not) answers the last reply: yes or ok to its test-drive question gets the car's
  // times; yes to a list asks which car, to one car shows it; no and a bare ok just leave the door open.
  const answer = primary === "other" || primary === "thanks" ? shortAnswer(text) : null;
  if (answer === "no") return out({ reply: "noProblem" });
  // Yes to "Shall I let a colleague know what you're looking for?": passed on.
  if (answer === "yes" && memory.offeredToPassOn) return out({ reply: "passedOn" });
  if (answer && memory.askedTestDrive && memory.focusCode) primary = "test_drive";
  else if (primary === "other" && answer === "yes" && memory.proposedCodes.length > 1) return out({ reply: "whichCar" });
  else if (primary === "other" && answer === "yes" && memory.focusCode) primary = "specific_vehicle";
  else if (primary === "other" && answer) return out({ reply: "acknowledged" });
  // "Hoeveel km heeft hij?" after a list, with no car in focus: which one? ("Which one has the fewest km?", "die van
  // 2019" or "the automatic one" pick one themselves.)
  const aboutOneOfList = !memory.focusCode && memory.proposedCodes.length > 1 && Object.keys(e).length === 0 && !superlativeIn(text) && !/\d/.test(text);
  // ("Is it still under warranty?" is the dealer's policy, whichever car.)
  if (primary === "other" && aboutOneOfList && asksAboutThatCar(text) && !equipmentOf && questionTopics(text).length === 0) return out({ reply: "whichCar" });
  // "Bisa kirim foto interior?" with no car in the conversation yet, or "kirim foto dong" after a list: which one?
  if (primary === "other" && !memory.focusCode && noCarNamed() && asksForPhotos(text)) return out({ reply: "whichCar" });

  // "Wat is het verschil tussen de #A01 en de #A03?", or "Welke is zuiniger?" after a list: those cars side by side.
  // "Which of your cars are automatic?" names filters: a search, unless it names two cars by code.
  const named = vehicleCodesIn(text);
  const compare = !asksToCompare(text) || (named.length < 2 && filters.length > 0) ? []
    : named.length >= 2 ? named
      : named.length === 1 && memory.focusCode && memory.focusCode !== named[0] ? [memory.focusCode, named[0]]
        : memory.proposedCodes;

  // "En onder de 15.000?", "Automaat?", "Heb je ook iets goedkopers?": the last search, narrowed.
  let search: Partial<Entities> | undefined;
  if (memory.search && (primary === "browse" || primary === "other") && noCarNamed()) {
    const cheaper = asksCheaper(text) && memory.cheapest ? { maxPrice: memory.cheapest - 1 } : null;
    // Equipment asked about ("Heeft hij stoelverwarming?") is no narrowing; "En ook met panoramadak?" adds to what was asked.
    if (cheaper || (filters.length > 0 && !asksEquipment && continuesSearch(text, true))) {
      const features = [...new Set([...(memory.search.features ?? []), ...(e.features ?? [])])];
      search = { ...memory.search, ...pickKeys(e, filters), ...cheaper, ...(features.length ? { features } : {}) };
      // One make named now replaces the several asked before.
      if (e.make && !e.makes) delete search.makes;
    }
  }
  return out({ ...(compare.length >= 2 ? { compare } : {}), ...(search ? { search } : {}), ...(equipmentOf && !search ? { equipmentOf } : {}) });
}
