// Times of day said in words, rewritten to the figures the time reader knows: "Viertel nach zwei" → "2:15", "halb drei"
// and "halv tre" → "2:30", "kwart voor drie" → "2:45", "om drie uur" → "om 3 uur", "na vijven" → "na 5". The hour
// stays as said; the time reader places small hours in the afternoon, as for "om 3".

const hourNames = [
  "een|één|eins|one|ett|satu", "twee|zwei|two|to|dua|tweeën", "drie|drei|three|tre|tiga|drieën", "vier|four|fire|empat|vieren",
  "vijf|fünf|five|fem|lima|vijven", "zes|sechs|six|seks|enam|zessen", "zeven|sieben|seven|sju|syv|tujuh|zevenen", "acht|eight|åtte|delapan|achten",
  "negen|neun|nine|ni|sembilan|negenen", "tien|zehn|ten|ti|sepuluh|tienen", "elf|eleven|elleve|sebelas|elven", "twaalf|zwölf|twelve|tolv|dua belas|twaalven",
];
const hourOf = new Map(hourNames.flatMap((names, i) => names.split("|").map((w) => [w, i + 1] as const)));
const hourWord = [...hourOf.keys()].sort((a, b) => b.length - a.length).join("|");
const hour = String.raw`(\d{1,2}|${hourWord})`;
const word = (pattern: string) => new RegExp(String.raw`(?<![\p{L}\d])${pattern}(?![\p{L}\d])`, "gu");

const englishHour = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
const valueOf = (h: string) => hourOf.get(h) ?? Number(h);
const before = (h: string) => (valueOf(h) + 10) % 12 + 1;

// Quarter and half hours; Dutch, German, Norwegian and Indonesian "half three" is half an hour before three, English
// "half three" half an hour after.
const spoken: [RegExp, (h: string) => string][] = [
  [word(String.raw`(?:kwart over|viertel nach|quarter past|kvart over)\s+${hour}`), (h) => `${valueOf(h)}:15`],
  [word(String.raw`(?:kwart voor|viertel vor|dreiviertel|quarter to|kvart på)\s+${hour}`), (h) => `${before(h)}:45`],
  [word(String.raw`half past\s+${hour}`), (h) => `${valueOf(h)}:30`],
  // British "half two" is half past two.
  [word(String.raw`half\s+(${englishHour})`), (h) => `${valueOf(h)}:30`],
  [word(String.raw`(?:half|halb|halv|setengah)\s+${hour}`), (h) => `${before(h)}:30`],
  [word(String.raw`${hour}\s+(?:lewat\s+)?seperempat`), (h) => `${valueOf(h)}:15`],
  [word(String.raw`${hour}\s+kurang\s+seperempat`), (h) => `${before(h)}:45`],
];

// An hour word after a word that puts a clock time next ("klokka tre", "jam dua", "na vijven"); after "om", "at", "na" and
// the like only with "uur"/"o'clock" or at the end of the sentence, as "om twee auto's" and "at one of them" are no times.
const clockWords = String.raw`kl\.?|klokka|klokken|jam|pukul`;
const hourAfter = word(String.raw`(${clockWords}|om|um|ab|at|rond|tegen|around|na|nach|after|etter|setelah|sesudah)\s+(${hourWord})(?=\s*(?:uur|uhr|o'?clock|pm|am|pagi|siang|sore|malam)(?!\p{L})|\s*(?:[?.!,]|$))`);
const anyHourAfter = word(String.raw`(${clockWords})\s+(${hourWord})`);
const dutchInflected = word(String.raw`(na|voor|om)\s+(tweeën|drieën|vieren|vijven|zessen|zevenen|achten|negenen|tienen|elven|twaalven)`);

/** Lower-case text with its spoken times of day written in figures. */
export function clockWordsToDigits(t: string): string {
  const timed = spoken.reduce((s, [pattern, time]) => s.replace(pattern, (_, h: string) => time(h)), t);
  const figure = (_: string, lead: string, h: string) => `${lead} ${valueOf(h)}`;
  return timed.replace(dutchInflected, figure).replace(anyHourAfter, figure).replace(hourAfter, figure);
}
