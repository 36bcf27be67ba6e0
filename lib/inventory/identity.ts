// Public vehicle identity: a short code shoppers can quote on WhatsApp and a readable slug.

const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Bijective: 1 → #A01 … 99 → #A99, 100 → #B01 … 2574 → #Z99, then #AA01 …; never repeats. */
export function formatPublicCode(seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new Error("vehicle code sequence starts at 1");
  const block = Math.floor((seq - 1) / 99);
  const number = ((seq - 1) % 99) + 1;
  let prefix = "";
  let n = block;
  do {
    prefix = letters[n % 26] + prefix;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `#${prefix}${String(number).padStart(2, "0")}`;
}

export function parsePublicCode(text: string): string | null {
  const m = /#?\b([A-Z]{1,3})(\d{2})\b/i.exec(text.trim());
  return m ? `#${m[1].toUpperCase()}${m[2]}` : null;
}

const ascii = (s: string) =>
  s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ø/gi, "o").replace(/æ/gi, "ae").replace(/å/gi, "a").replace(/ß/g, "ss");

export function slugify(s: string): string {
  return ascii(s).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

export function vehicleSlug(v: { make: string; model: string; year: number; color: string | null; code: string }): string {
  return [v.make, v.model, String(v.year), v.color ?? "", v.code.replace("#", "")].map(slugify).filter(Boolean).join("-");
}
