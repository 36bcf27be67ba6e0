/** Monthly payment of an annuity loan; a 0 % rate is a plain division. */
export function annuityPayment(principal: number, annualRatePct: number, months: number): number {
  if (months <= 0) throw new Error("term must be at least one month");
  const r = annualRatePct / 100 / 12;
  return r === 0 ? principal / months : (principal * r) / (1 - (1 + r) ** -months);
}

const roundingStep: Record<string, number> = { IDR: 1000, NOK: 1, EUR: 1 };

export type FinancingQuote = { price: number; downPayment: number; principal: number; months: number; ratePct: number; monthly: number; totalPaid: number };

export function financingQuote(o: { price: number; downPaymentPct: number; ratePct: number; months: number; currency: string }): FinancingQuote {
  const step = roundingStep[o.currency] ?? 1;
  const downPayment = Math.round((o.price * o.downPaymentPct) / 100 / step) * step;
  const principal = o.price - downPayment;
  const monthly = Math.ceil(annuityPayment(principal, o.ratePct, o.months) / step) * step;
  return { price: o.price, downPayment, principal, months: o.months, ratePct: o.ratePct, monthly, totalPaid: downPayment + monthly * o.months };
}
