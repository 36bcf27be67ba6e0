export type NamedShowroom = { name: string; city?: string | null };

// Words that say "a showroom" in any of our languages; what is left of a branch's name is what shoppers say.
const genericWords = /(?<![\p{L}\d])(?:showroom|vestiging|filiaal|locatie|avdeling|filial|standort|niederlassung|filiale|branch|location|cabang|dealer)(?![\p{L}\d])/gu;
// "Tromsø" and "Tromso", "Straße" and "Strasse" are the same place to a shopper typing on a phone.
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/ø/g, "o").replace(/æ/g, "ae").replace(/ß/g, "ss")
  .replace(/[^\p{L}\d]+/gu, " ").trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function namesOf(s: NamedShowroom, dealer: string): string[] {
  const name = fold(s.name);
  const withoutDealer = dealer && name.startsWith(`${dealer} `) ? name.slice(dealer.length + 1) : name;
  const distinctive = withoutDealer.replace(genericWords, " ").replace(/\s+/g, " ").trim();
  // The dealer's own name says nothing about which showroom ("Hi Autohuis Van Dijk").
  return [...new Set([name, withoutDealer, distinctive, fold(s.city ?? "")])].filter((n) => n.length >= 3 && n !== dealer);
}

/**
 * The showroom the shopper names, by its name, the distinctive part of it ("Zuid" of "Showroom Zuid") or its
 * city; the longest name wins, and two showrooms that fit equally well (same city) are no answer.
 * Only this dealer's showrooms are ever passed in, so another dealer's branch name cannot match.
 */
export function findShowroomMention<T extends NamedShowroom>(text: string, showrooms: T[], dealerName = ""): T | null {
  const folded = ` ${fold(text)} `;
  const dealer = fold(dealerName);
  let best: T | null = null;
  let bestLength = 0;
  let tie = false;
  for (const s of showrooms) {
    for (const n of namesOf(s, dealer)) {
      if (!new RegExp(` ${escape(n)} `, "u").test(folded) || n.length < bestLength) continue;
      tie = n.length === bestLength && best !== s;
      if (n.length > bestLength) [best, bestLength] = [s, n.length];
    }
  }
  return tie ? null : best;
}
