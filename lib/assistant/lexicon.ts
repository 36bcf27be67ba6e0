import type { Entities, Intent } from "./types";

// Words and phrases (all languages together: shoppers mix them) that signal an intent or a value.
export const intentPatterns: [Intent, RegExp][] = [
  ["opt_out", /^\s*(stop|stopp|berhenti|afmelden|unsubscribe|abmelden|uitschrijven)\s*[.!]?\s*$/i],
  ["handover", /\b(medewerker|verkoper|iemand spreken|echte persoon|mens\b|bel(l)? me|terugbellen|snakke med|selger|en person|ring meg|mitarbeiter|verkäufer|rückruf|human|real person|talk to (a|someone)|call me|agent|sales ?person|bicara dengan|telepon saya|hubungi saya|admin|orang asli|cs\b)/i],
  ["financing", /\b(financ\w*|lease|leasing|afbetal\w*|maandbedrag|per maand|lån|billån|finansier\w*|per måned|månedlig|finanzier\w*|ratenkauf|monatlich|monthly|loan|installments?|kredit|cicilan|angsuran|dp\b|uang muka|per bulan|tenor)/i],
  ["test_drive", /\b(proefrit|proef rijden|langskomen|bezichtig\w*|prøvekjør\w*|prøvetur|komme innom|probefahrt|vorbeikommen|besichtig\w*|test ?drive|viewing|come (by|and see)|visit|test mobil|lihat langsung|datang ke|ke showroom|survei|cek unit)/i],
  ["trade_in", /\b(inruil\w*|inruilen|innbytte|bytte inn|inzahlung\w*|trade[- ]?in|part[- ]exchange|tukar tambah|trade in)/i],
  ["price_negotiation", /\b(korting|onderhandel\w*|laatste prijs|scherpste prijs|wat (is|kan) er (nog )?af|rabatt|prute|beste pris|nachlass|verhandel\w*|letzter preis|discount|best price|negotiat\w*|lower the price|nego|diskon|harga pas|kurang(in)?|bisa kurang|harga nett)/i],
  ["opening_hours", /\b(openingstijden|open(ingstijd)?|geopend|hoe laat|åpningstid\w*|åpent|öffnungszeit\w*|geöffnet|opening hours|opening times|open (today|on)|jam (buka|operasional)|buka (jam|hari)|tutup jam)/i],
  ["location", /\b(adres|waar zitten|waar zijn jullie|route|locatie|adresse|hvor (er|ligger)|wo (sind|ist)|standort|address|where are you|location|directions|alamat|lokasi|dimana|di mana)/i],
  ["thanks", /^\s*(bedankt|dank( je| u)?( wel)?|thanks?( you)?|takk( skal du ha)?|danke( schön)?|terima ?kasih|makasih|thx|ty)\b/i],
  ["greeting", /^\s*(hoi|hallo|hey|hi|hei|heisann|moin|guten (tag|morgen)|goedemorgen|goedemiddag|goedenavond|hello|good (morning|afternoon|evening)|halo|selamat (pagi|siang|sore|malam)|assalamualaikum|pagi|siang)\b/i],
];

export const fuelWords: [NonNullable<Entities["fuel"]>, RegExp][] = [
  ["electric", /\b(elektrisch\w*|elektro\w*|elbil\w*|el-bil|electric|ev|bev|stroom|listrik|e-auto|100% elektrisk)\b/i],
  ["hybrid", /\b(hybride?|hybrid\w*|phev|plug-in|plugin)\b/i],
  ["diesel", /\b(diesel|solar)\b/i],
  ["lpg", /\b(lpg|autogas)\b/i],
  ["petrol", /\b(benzine|bensin|benzin(er)?|petrol|gasoline|bensin|pertalite|pertamax)\b/i],
];

export const transmissionWords: [NonNullable<Entities["transmission"]>, RegExp][] = [
  ["automatic", /\b(automaat|automatisch\w*|automatgir|automat|automatik|automatic|auto gear|matic|a\/t|cvt|dsg|otomatis)\b/i],
  ["manual", /\b(handgeschakeld|handbak|schakel\w*|manuell\w*|manuelt|schaltgetriebe|schalter|manual|stick ?shift|m\/t|mt|manual transmission)\b/i],
];

export const bodyWords: [NonNullable<Entities["body"]>, RegExp][] = [
  ["mpv", /\b(mpv|7[- ]?(zitter|seter|sitzer|seater|penumpang)|7 (zitplaatsen|seter|seats|sitze)|mobil keluarga|minivan|familie ?auto|people carrier|ruang keluarga)\b/i],
  ["estate", /\b(stationwagen|stationcar|combi|kombi|stasjonsvogn|estate|wagon|touring|avant|variant)\b/i],
  ["suv", /\b(suvs?|crossovers?|terreinwagen|4x4|jeeps?)\b/i],
  ["hatchback", /\b(hatchback|hatch|kleine auto|compact|småbil|kleinwagen|city car|mobil kecil)\b/i],
  ["sedan", /\b(sedan|limousine|saloon)\b/i],
  ["convertible", /\b(cabrio\w*|convertible)\b/i],
  ["coupe", /\b(coup[eé])\b/i],
  ["van", /\b(bestelbus|bestelauto|varebil|transporter|a van|vans|cargo van|mobil box)\b/i],
  ["pickup", /\b(pick[- ]?up|bakkie|pikap)\b/i],
];

export const colorWords: [string, RegExp][] = [
  ["black", /\b(zwart\w*|svart|schwarz\w*|black|hitam)\b/i],
  ["white", /\b(wit(te)?|hvit|weiß\w*|weiss\w*|white|putih)\b/i],
  ["grey", /\b(grijs|grijze|grå|grau\w*|gr[ae]y|abu[- ]?abu)\b/i],
  ["silver", /\b(zilver\w*|sølv|silber\w*|silver|perak)\b/i],
  ["blue", /\b(blauw\w*|blå|blau\w*|blue|biru)\b/i],
  ["red", /\b(rood|rode|rød|rot(e|en)?|red|merah)\b/i],
  ["green", /\b(groen\w*|grønn|grün\w*|green|hijau)\b/i],
  ["brown", /\b(bruin\w*|brun|braun\w*|brown|coklat)\b/i],
];

export const makeAliases: Record<string, string> = {
  vw: "Volkswagen", volkswagen: "Volkswagen", toyota: "Toyota", kia: "Kia", peugeot: "Peugeot", renault: "Renault", opel: "Opel",
  skoda: "Skoda", škoda: "Skoda", bmw: "BMW", volvo: "Volvo", tesla: "Tesla", ford: "Ford", hyundai: "Hyundai", mercedes: "Mercedes-Benz",
  "mercedes-benz": "Mercedes-Benz", merc: "Mercedes-Benz", benz: "Mercedes-Benz", audi: "Audi", nissan: "Nissan", mazda: "Mazda", honda: "Honda",
  daihatsu: "Daihatsu", mitsubishi: "Mitsubishi", suzuki: "Suzuki", wuling: "Wuling", polestar: "Polestar", citroen: "Citroën", citroën: "Citroën",
  fiat: "Fiat", seat: "Seat", cupra: "Cupra", mini: "Mini", porsche: "Porsche", lexus: "Lexus", dacia: "Dacia", mg: "MG", byd: "BYD",
};
