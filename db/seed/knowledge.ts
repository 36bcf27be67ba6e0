import { withTenant } from "@/db/tenant";
import { knowledgeEntries, type KnowledgeTopic } from "@/db/schema";
import type { DemoSlug } from "./data";

type Entry = { language: "nl" | "nb" | "de" | "en" | "id"; topic: KnowledgeTopic; title: string; body: string };

const entries: Record<DemoSlug, Entry[]> = {
  "demo-nl": [
    { language: "nl", topic: "warranty", title: "Garantie", body: "Op elke occasion krijgt u 12 maanden BOVAG-garantie, inclusief onderdelen en arbeid. Reparaties doen we in onze eigen werkplaats of bij een BOVAG-bedrijf bij u in de buurt." },
    { language: "nl", topic: "trade_in", title: "Inruilen", body: "We nemen elke auto in, ook met schade of veel kilometers. De taxatie is gratis en vrijblijvend; de inruilprijs blijft 7 dagen geldig." },
    { language: "nl", topic: "delivery", title: "Aflevering en bezorging", body: "Elke auto wordt afgeleverd met nieuwe APK, een onderhoudsbeurt en een volle tank. Binnen 50 km bezorgen we gratis aan huis; verder weg kost het € 1 per kilometer." },
    { language: "nl", topic: "opening", title: "Feestdagen", body: "Op eerste en tweede kerstdag, nieuwjaarsdag en Koningsdag zijn we gesloten. Op 24 en 31 december zijn we open tot 16:00." },
    { language: "en", topic: "warranty", title: "Warranty", body: "Every used car comes with a 12-month BOVAG warranty covering parts and labour." },
  ],
  "demo-no": [
    { language: "nb", topic: "warranty", title: "Garanti", body: "Alle bruktbiler har 12 måneders garanti på motor og girkasse, i tillegg til reklamasjonsretten etter kjøpsloven." },
    { language: "nb", topic: "financing", title: "Finansiering og samarbeidspartnere", body: "Vi samarbeider med Santander Consumer Bank og DNB Finans. Søknaden tar fem minutter, og du får svar samme dag." },
    { language: "nb", topic: "documents", title: "Dokumenter ved kjøp", body: "Ta med gyldig legitimasjon (pass eller førerkort). Omregistrering gjør vi digitalt sammen med deg i Autosys." },
    { language: "nb", topic: "opening", title: "Helligdager", body: "Vi holder stengt på 17. mai, julaften, første og andre juledag og i påsken fra skjærtorsdag til andre påskedag." },
  ],
  "demo-id": [
    { language: "id", topic: "warranty", title: "Garansi", body: "Setiap mobil bekas bergaransi mesin dan transmisi selama 6 bulan atau 10.000 km, mana yang lebih dulu." },
    { language: "id", topic: "documents", title: "Dokumen pembelian", body: "Untuk kredit siapkan KTP suami dan istri, Kartu Keluarga, NPWP, slip gaji 3 bulan terakhir dan rekening koran. Untuk tunai cukup KTP." },
    { language: "id", topic: "trade_in", title: "Tukar tambah", body: "Kami terima tukar tambah semua merek. Inspeksi gratis di showroom, sekitar 30 menit, dan harga langsung kami berikan." },
    { language: "id", topic: "opening", title: "Libur Lebaran", body: "Showroom tutup pada hari pertama dan kedua Idul Fitri. Seminggu setelah Lebaran kami buka pukul 10.00 sampai 15.00." },
  ],
};

/** The demo dealer's answers to common policy questions, in its own language; runs once, when the tenant is seeded. */
export async function seedKnowledge(tenantId: string, slug: DemoSlug) {
  await withTenant(tenantId, (tx) => tx.insert(knowledgeEntries).values(entries[slug].map((e) => ({ tenantId, ...e }))));
}
