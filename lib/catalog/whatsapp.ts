import { siteText, type SiteLang } from "./i18n";

type CarName = { code: string; make: string; model: string; variant?: string | null; year: number };

export const carName = (v: CarName) => [v.make, v.model, v.variant, String(v.year)].filter(Boolean).join(" ");

/** wa.me click-to-chat with a first message in the dealer's language that names the car's public code, so the assistant knows the car. */
export function vehicleChatUrl(whatsAppNumber: string, v: CarName, lang: SiteLang): string {
  const digits = whatsAppNumber.replace(/\D/g, "");
  return `https://wa.me/${digits}?text=${encodeURIComponent(siteText(lang).waMessage(v.code, carName(v)))}`;
}
