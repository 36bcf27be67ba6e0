// Rule-based E.164 normalisation for the markets we serve (no libphonenumber): digits only, no "+".

type Plan = { code: string; nationalLengths: number[] };

const plans: Record<string, Plan> = {
  NL: { code: "31", nationalLengths: [9] },
  NO: { code: "47", nationalLengths: [8] },
  ID: { code: "62", nationalLengths: [8, 9, 10, 11, 12] },
};
const byCode = new Map(Object.values(plans).map((p) => [p.code, p]));

const fitsPlan = (plan: Plan, national: string) => plan.nationalLengths.includes(national.length) && !national.startsWith("0");

/** International digits (country code first) → E.164 if the length makes sense for that country. */
function international(digits: string): string | null {
  const known = byCode.get(digits.slice(0, 2));
  if (known) {
    // A trunk zero kept after the country code (+31 (0)6…) is a common mistake.
    const national = digits.slice(2).replace(/^0/, "");
    return fitsPlan(known, national) ? known.code + national : null;
  }
  return digits.length >= 8 && digits.length <= 15 && !digits.startsWith("0") ? digits : null;
}

/**
 * "06-12345678", "+31 6 1234 5678", "0031612345678", "0812-3456-789", "628123456789", "912 34 567"
 * → "31612345678", "6281234567890", "4791234567" …; null when it cannot be a phone number.
 */
export function normalizePhone(raw: string | null | undefined, country: string): string | null {
  if (!raw) return null;
  const trimmed = raw.trim().replace(/@c\.us$|@s\.whatsapp\.net$/, "");
  if (/[^\d\s+().\-/]/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  if (!digits) return null;
  if (trimmed.startsWith("+")) return international(digits);
  if (digits.startsWith("00")) return international(digits.slice(2));
  const plan = plans[country.toUpperCase()];
  if (!plan) return digits.startsWith("0") ? null : international(digits);
  if (digits.startsWith("0")) {
    const national = digits.slice(1);
    return fitsPlan(plan, national) ? plan.code + national : null;
  }
  if (fitsPlan(plan, digits) && !(digits.startsWith(plan.code) && international(digits))) return plan.code + digits;
  return international(digits);
}

export function normalizeEmail(raw: string | null | undefined): string | null {
  const email = raw?.trim().toLowerCase();
  return email && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email) ? email : null;
}
