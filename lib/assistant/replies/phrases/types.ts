import type { Lang } from "../../types";

// Every sentence the offline assistant says, per language; {placeholders} are filled by the composer.
export type Phrases = {
  greeting: string; askNeeds: string; found: string; foundOne: string; nextStep: string; noMatch: string; relaxed: string;
  noAlternatives: string; notAvailable: string; reservedNote: string; link: string; askTestDrive: string;
  financing: string; financingNote: string; slotsIntro: string; slotsIntroNoCar: string; slotTaken: string; slotsPick: string;
  /** The car stands at another showroom ({at}) than the one asked for ({asked}). */
  carElsewhere: string; visitAt: string; noSlots: string;
  booked: string; bookedNoCar: string; moved: string; movedNoCar: string; whichCar: string; negotiation: string; tradeIn: string; hours: string; hoursUnknown: string;
  /** The shopper's own test drive ({car}, {when}) or visit cancelled at their request. */
  cancelled: string; cancelledNoCar: string;
  /** The shopper offered an amount ({offer}) for the car: passed on to a colleague with the hand-over. */
  offerNoted: string;
  /** The shopper named the car to trade in ({car}: make, model, year and mileage as they wrote them); a colleague values it. */
  tradeInNoted: string;
  location: string; locationUnknown: string;
  /** Intro of the list of showrooms ({n}); each follows as name, address and map link. */
  locations: string; handover: string; thanks: string; optOut: string; rateLimited: string; other: string;
  /** One line before the answer to a message that opts out and asks something besides. */
  optOutNoted: string;
  /** The shopper said their name ({name}) and nothing else to answer. */
  nameNoted: string;
  /** A policy question (delivery, warranty, papers) the dealer's own answers do not cover: a colleague confirms. */
  askColleague: string;
  /** A photo the assistant cannot see (asks for make and model or the ad's code), a voice note it cannot hear (asks to type). */
  photoNotice: string; voiceNotice: string;
  /** The hand-over's opening word, said only when the hand-over is the whole answer ("Natuurlijk!"). */
  sure: string;
  /** Answers to a bare "ok" (or 👍) and to a bare "no", when the last reply asked nothing they could answer. */
  acknowledged: string; noProblem: string; passedOn: string;
  /** Proactive notes on a car the shopper asked about: sold ({car}, the dealer's alternatives follow), cheaper ({car}, {price}). */
  soldNote: string; priceDrop: string;
  /** The car of the model asked for ({car}: make, model and year, no code or price) is sold or reserved; alternatives follow. */
  askedSold: string; askedReserved: string;
  /** The version the shopper named ({car}: make, model and their word for it) is not in stock; that model's cars follow. */
  versionMissing: string;
  /** Two or three cars side by side, then which is cheapest ({code}), newest and has run the fewest kilometres. */
  compare: { intro: string; cheapest: string; newest: string; fewestKm: string };
  /** About the car in focus: its colour ({car}, {color}), a feature it has ({feature}, as the dealer listed it), one not listed ({asked}). */
  carColor: string; hasFeature: string; featureNotListed: string;
  /** Before a dealer's note written in another language ({language}: its name in this one). */
  knowledgeIn: string; languageNames: Record<Lang, string>;
  /** About the car's history (damage, owners, service, inspection): the sentence of its description that says ({quote}), or that it does not. */
  fromListing: string; notInListing: string;
  automatic: string; manual: string; fuel: Record<string, string>; relaxedWhat: Record<string, string>;
};
