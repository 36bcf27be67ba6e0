/**
 * Intl formatters, made once per locale and options: building one costs ~50 µs (ICU data lookup) against ~0.5 µs for
 * a format, and pages format dozens to hundreds of dates and numbers (a 90-day chart, a conversation's bubbles, a
 * week of test-drive slots). Safe to share: a formatter has no state. Few distinct keys exist (locales × a handful of
 * option sets), so the cache only empties itself should something pass unbounded keys.
 */
const MAX_ENTRIES = 500;
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, locale: string | undefined, opts: object, make: () => F): F {
  const key = `${locale ?? ""}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(key, (f = make()));
  }
  return f;
}

/** `locale` undefined: the runtime's default. */
export const numberFormat = (locale: string | undefined, opts: Intl.NumberFormatOptions = {}) =>
  cached(numbers, locale, opts, () => new Intl.NumberFormat(locale, opts));

export const dateTimeFormat = (locale: string | undefined, opts: Intl.DateTimeFormatOptions = {}) =>
  cached(dates, locale, opts, () => new Intl.DateTimeFormat(locale, opts));
