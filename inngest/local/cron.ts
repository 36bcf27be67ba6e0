// Standard five-field cron (minute hour day-of-month month day-of-week), evaluated in UTC.
function fieldMatches(field: string, value: number, min: number): boolean {
  return field.split(",").some((part) => {
    const [range, stepRaw] = part.split("/");
    const step = stepRaw ? Number(stepRaw) : 1;
    let lo: number;
    let hi: number;
    if (range === "*") [lo, hi] = [min, Number.MAX_SAFE_INTEGER];
    else if (range.includes("-")) [lo, hi] = range.split("-").map(Number) as [number, number];
    else [lo, hi] = [Number(range), stepRaw ? Number.MAX_SAFE_INTEGER : Number(range)];
    return value >= lo && value <= hi && (value - lo) % step === 0;
  });
}

export function cronMatches(expression: string, at: Date): boolean {
  const fields = expression.replace(/^TZ=\S+\s+/, "").trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron "${expression}" must have five fields`);
  const [minute, hour, dom, month, dow] = fields;
  return (
    fieldMatches(minute, at.getUTCMinutes(), 0) &&
    fieldMatches(hour, at.getUTCHours(), 0) &&
    fieldMatches(dom, at.getUTCDate(), 1) &&
    fieldMatches(month, at.getUTCMonth() + 1, 1) &&
    fieldMatches(dow, at.getUTCDay(), 0)
  );
}
