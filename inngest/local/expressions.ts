// The small part of Inngest's CEL used in our function options: dotted paths, string concatenation with `+`, and
// `==` / `!=` comparisons joined by `&&`, alternatives of those joined by `||` (no parentheses).

type Scope = Record<string, unknown>;

function resolvePath(path: string, scope: Scope): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Scope)[k] : undefined), scope);
}

function term(raw: string, scope: Scope): unknown {
  const t = raw.trim();
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(t);
  if (quoted) return quoted[1] ?? quoted[2];
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === "true" || t === "false") return t === "true";
  return resolvePath(t, scope);
}

export function evaluateKey(expression: string, scope: Scope): string {
  return expression
    .split("+")
    .map((part) => String(term(part, scope) ?? ""))
    .join("");
}

export function evaluateCondition(expression: string, scope: Scope): boolean {
  return expression.split("||").some((alternative) => allOf(alternative, scope));
}

function allOf(expression: string, scope: Scope): boolean {
  return expression.split("&&").every((clause) => {
    const ne = clause.split("!=");
    if (ne.length === 2) return term(ne[0], scope) !== term(ne[1], scope);
    const eq = clause.split("==");
    if (eq.length === 2) return term(eq[0], scope) === term(eq[1], scope);
    return Boolean(term(clause, scope));
  });
}

export function durationMs(value: string | number): number {
  if (typeof value === "number") return value;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
  let total = 0;
  for (const [, n, unit] of value.matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/g)) total += Number(n) * units[unit];
  if (total === 0 && !/^0/.test(value)) throw new Error(`unrecognised duration "${value}"`);
  return total;
}
