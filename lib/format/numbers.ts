/**
 * A whole number as dealers type it: thousands grouped by one mark ("14.000", "14,000", "14 000", "150.000.000"),
 * at most a zero decimal part in the other mark ("14.950,-", "14.950,00"). Anything else is null rather than a guess:
 * "14,5", "1.000,000", "12.3456".
 */
export function parseWholeNumber(typed: string): number | null {
  const s = typed.trim().replace(/[\u00a0\u202f]/g, " ");
  const m = /^(-?)(\d{1,3}([., ])\d{3}(?:\3\d{3})*|\d+)(?:([.,])(?:00?|-))?$/.exec(s);
  if (!m || (m[3] && m[3] === m[4])) return null;
  const n = Number(`${m[1]}${m[2].replace(/\D/g, "")}`);
  return Number.isSafeInteger(n) ? n : null;
}
