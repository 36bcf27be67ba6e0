import type { BusinessHoursJson } from "@/db/schema";
import type { Lang } from "@/lib/assistant/types";

const dayNames: Record<Lang, string[]> = {
  nl: ["ma", "di", "wo", "do", "vr", "za", "zo"], nb: ["man", "tir", "ons", "tor", "fre", "lør", "søn"],
  de: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"], en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], id: ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
};
const closed: Record<Lang, string> = { nl: "gesloten", nb: "stengt", de: "geschlossen", en: "closed", id: "tutup" };
const keys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** "ma–vr 09:00–18:00, za 10:00–17:00, zo gesloten": consecutive days with the same hours grouped. */
export function formatOpeningHours(hours: BusinessHoursJson, lang: Lang): string {
  const text = keys.map((k) => (hours[k] ?? []).map((i) => `${i.open}–${i.close}`).join(", ") || closed[lang]);
  const groups: { from: number; to: number; text: string }[] = [];
  text.forEach((t, i) => {
    const last = groups.at(-1);
    if (last && last.text === t) last.to = i;
    else groups.push({ from: i, to: i, text: t });
  });
  const names = dayNames[lang];
  return groups.map((g) => `${names[g.from]}${g.to > g.from ? `–${names[g.to]}` : ""} ${g.text}`).join(", ");
}
