import type { Entities, Intent } from "../types";

const L = String.raw`(?<![\p{L}\d])`;
const R = String.raw`(?![\p{L}\d])`;
const phrase = (alternatives: string) => new RegExp(`${L}(?:${alternatives})${R}`, "iu");

const stopWords = String.raw`stop|stopp|stoppen|berhenti|afmelden|uitschrijven|unsubscribe|abmelden|opt[- ]?out|avslutt|avmeld|meld av|stop all|stop semua|unreg`;
const optOutWhole = new RegExp(String.raw`^[\s\p{P}\p{S}]*(?:${stopWords})[\s\p{P}\p{S}]*(?:please|pls|aub|alsjeblieft|takk|bitte|ya|dong)?[\s\p{P}\p{S}]*$`, "iu");
const optOutCommand = phrase(String.raw`geen berichten meer|stuur (?:me |mij )?(?:verder )?geen (?:berichten|whatsapp|aanbiedingen|reclame|promoties|nieuwsbrie\w*)|haal me uit|stop (?:met )?(?:sturen|berichten|appen)|` +
  String.raw`ikke send (?:meg )?(?:flere|tilbud|reklame)|ikke kontakt meg|ønsker ikke flere (?:meldinger|tilbud)|ingen flere (?:meldinger|tilbud|reklame)|` +
  String.raw`keine (?:nachrichten|werbung|angebote|newsletter) mehr|nicht mehr (?:schreiben|kontaktieren)|` +
  String.raw`stop (?:sending|messaging|texting)|no more (?:messages|promotions|offers|marketing)|don'?t (?:message|text|contact) me|remove me from|` +
  String.raw`jangan (?:kirim|hubungi|chat|wa)\w*(?: (?:saya|pesan|pesannya|chat|promo))* lagi|berhenti (?:kirim|mengirim|langganan)`);
// Where the clause that opts out ends, on either side: a sentence mark, a comma or a joining word ("…, maar", "and").
const clauseBreak = String.raw`[.,;:!?\n]|(?<![\p{L}])(?:and|but|en|maar|og|men|und|aber|dan|tapi|tetapi|terus)(?![\p{L}])`;
const clauseBreaks = new RegExp(clauseBreak, "giu");

/**
 * The message without the clause that opts out ("Stop sending promotions. Do you still have the Yaris?" → ". Do you
 * still have the Yaris?"): "" when opting out is all it says, null when it does not opt out.
 */
export function optOutRest(text: string): string | null {
  if (optOutWhole.test(text)) return "";
  const m = optOutCommand.exec(text);
  if (!m) return null;
  const before = [...text.slice(0, m.index).matchAll(clauseBreaks)].at(-1);
  const after = [...text.slice(m.index + m[0].length).matchAll(clauseBreaks)][0];
  const head = before ? text.slice(0, before.index + before[0].length) : "";
  const tail = after ? text.slice(m.index + m[0].length + after.index) : "";
  return `${head} ${tail}`.trim();
}

// Order is the ranking: what the shopper wants to *do* comes before small talk.
export const intentPatterns: [Intent, RegExp][] = [
  ["handover", phrase(String.raw`medewerker|verkoper (?:spreken|bellen)|iemand aan de (?:lijn|telefoon)|(?:manager|leidinggevende|eigenaar|baas) (?:spreken|bellen)|` +
    String.raw`(?:talk|speak) (?:to|with) (?:the|your) (?:manager|owner|boss)|(?:chef|geschäftsführer|inhaber) sprechen|(?:snakke|prate) med (?:sjefen|daglig leder)|` +
    String.raw`(?:bicara|ngobrol) (?:sama|dengan) (?:owner|pemilik|manager|atasan)|iemand (?:spreken|bellen)|(?:een|echt|met een) mens|echte persoon|echt iemand|persoon spreken|bel (?:me|mij)(?: terug)?|terugbellen|teruggebeld|` +
    String.raw`snakke med|prate med|(?:med|en) selger|en person|et menneske|ekte person|ring meg|kan dere ringe|` +
    String.raw`mitarbeiter|verkäufer|mit einem menschen|echten person|rückruf|zurückrufen|zurück ?rufen|ruf(?:en sie)? mich an|` +
    String.raw`human|real person|talk to (?:a|someone|somebody|an?)|speak (?:to|with) (?:a|someone|somebody|an?)|call me|sales ?(?:person|rep|man)|agent|` +
    // Wanting to phone someone: "Can I call someone?", "Kan ik jullie bellen?", "Kann ich Sie anrufen?", "Bisa telpon?"
    String.raw`(?:can|could|may) i (?:call|phone|ring) (?:you|someone|somebody|a person)|kan ik (?:jullie|u|iemand) (?:bellen|even bellen)|` +
    // Asking to be called, with a time in between: "Kunt u mij morgen om 10 uur bellen?", "Können Sie mich morgen anrufen?"
    String.raw`(?:kunt|kan|wil|kunnen) (?:u|je|jij|jullie) (?:mij|me)\b[^.?!]{0,30}?\b(?:terug)?bellen|(?:können|könnt|kannst) (?:sie|ihr|du) mich\b[^.?!]{0,30}?\b(?:zurück)?anrufen|` +
    // Or with no "me" ("Kunnen jullie bellen? 06…", "Can you call?", "Könnt ihr anrufen?"): a colleague phones them.
    String.raw`(?:kunt|kun|kan|kunnen) (?:u|je|jij|jullie) (?:even |straks )?(?:terug)?bellen|(?:can|could) you (?:call|phone|ring)|give me a (?:call|ring)|` +
    String.raw`(?:können|könnt|kannst) (?:sie|ihr|du) (?:mal )?(?:zurück)?anrufen|` +
    String.raw`kan jeg ringe (?:dere|noen|til dere)|kann ich (?:sie|euch|jemanden) anrufen|bisa (?:telpon|telepon|ditelpon)|` +
    String.raw`bicara dengan|ngobrol (?:dengan|sama)|telepon saya|telpon saya|hubungi saya|nomor (?:sales|marketing|wa)|minta (?:nomor|kontak)|orang asli|admin|cs|` +
    // Reserving a car takes a deposit and a person: "Kunt u die reserveren?", "Can you hold it for me?", "tanda jadi".
    String.raw`reserver(?:en|ing)|apart (?:zetten|houden)|vastzetten|reserve (?:it|the|this|that)|hold (?:it|the car|this|that)|reservier\w*|zurücklegen|` +
    String.raw`reservere|holde av|tanda jadi|booking fee|uang booking|keep it for me`)],
  ["test_drive", phrase(String.raw`proefrit\w*|proef ?rijden|proefritje|langs ?komen|langskomen|langsgaan|bezichtig\w*|komen kijken|kom(?:en)? (?:kijken|langs)|afspraak|` +
    String.raw`prøvekjør\w*|prøvetur\w*|komme innom|komme forbi|se på bilen|kikke på|avtale|` +
    String.raw`probefahrt\w*|probe fahren|vorbeikommen|vorbei ?kommen|besichtig\w*|anschauen|termin|` +
    String.raw`test ?drive|test-drive|viewing|come (?:by|and see|over|in|look)|drop by|visit|see the car|book (?:a|an)|appointment|` +
    String.raw`test mobil|lihat (?:langsung|unit|mobil)|datang ke|ke showroom|survei|survey|cek unit|cek fisik|janjian|jadwal|` +
    // Another time for what was booked: "Kan het ook een ander moment?", "Can we reschedule?", "Können wir den Termin verschieben?"
    String.raw`ander(?:e)? (?:moment|tijd|dag)|verzetten|verplaatsen|another (?:time|day)|different (?:time|day)|reschedul\w*|` +
    String.raw`annen (?:tid|dag)|flytte (?:den|timen|avtalen)|andere[nr]? (?:zeit|tag)|verschieben|waktu lain|hari lain|ganti (?:jadwal|waktu|hari)`)],
  ["price_negotiation", phrase(String.raw`korting|onderhandel\w*|laatste prijs|scherpste prijs|beste prijs|(?:er|ervan|nog) (?:nog )?(?:wat |iets )?af|(?:wat|iets) van de prijs af|eraf|zakken|bod|bieden|` +
    String.raw`rabatt|prute|beste pris|siste pris|noe å gå på|avslag|gi meg et tilbud|` +
    String.raw`nachlass|verhandel\w*|letzter preis|bester preis|preisvorschlag|` +
    String.raw`discount|best price|lowest price|final price|last price|negotia\w*|lower the price|offer you|make an offer|(?:i )?(?:can|could|would|will) offer|my offer|` +
    // A price of their own for the car: "can you do 32k?", "would you take 25.000?", "ik bied 17.000", "ich biete 15.000".
    String.raw`(?:can|could|would) you (?:do|take|accept|go (?:down )?to) (?:it for )?(?:€|eur|nok|kr|rp)?\s?\d[\d.,]*k?|ik bied|ich biete|jeg byr|tawar|nawar|` +
    String.raw`nego|diskon|harga pas|harga nett|harga net|kurangin|bisa kurang|kurang (?:dikit|sedikit|lagi)|potongan|harga terakhir|net berapa`)],
  ["financing", phrase(String.raw`financ\w*|lease|leasen|leasing|private lease|afbetal\w*|maandbedrag|per maand|op afbetaling|lening|aanbetaling|` +
    String.raw`lån|lånetilbud|billån|finansier\w*|per måned|månedlig\w*|nedbetal\w*|(?:per|pr\.?|i) mnd|i måneden|p\/m|egenkapital|` +
    String.raw`finanzier\w*|ratenkauf|raten|ratenzahlung|monatlich\w*|pro monat|im monat|kredit|anzahlung|` +
    String.raw`monthly|loan|installments?|per month|down ?payment|` +
    String.raw`cicil\w*|angsur\w*|dp|uang muka|per bulan|perbulan|tenor|simulasi|leasing|cash tempo|cash bertahap`)],
  // Selling their own car to the dealer is valued by a person just the same: "Kopen jullie ook auto's op?", "Do you buy cars?"
  ["trade_in", phrase(String.raw`inruil\w*|in te ruilen|inruilen|ruilen|innbytte\w*|bytte inn|byttebil|inzahlung\w*|in zahlung|trade[- ]?in|part[- ]?exchange|tukar tambah|tt(?= (?:mobil|sama|dengan|dgn|pake|pakai))|jual mobil saya|` +
    String.raw`(?:hoeveel|wat) (?:kan ik krijgen|krijg ik) voor (?:mijn|m'n|onze)|what (?:can|could|would|will) i get for my|was bekomme ich für mein\w*|hva får jeg for (?:min|mitt|bilen)|berapa harga mobil saya|` +
    String.raw`opkop\w*|kopen jullie (?:ook )?(?:auto'?s?|mijn auto)|mijn auto (?:verkopen|kwijt)|buy my car|do you buy (?:cars|used cars)|sell (?:you )?my car|` +
    String.raw`ankauf|(?:mein(?:en)? )?(?:auto|wagen) verkaufen|kaufen sie (?:auch )?(?:autos|gebrauchtwagen)|kjøpe bilen min|selge bilen (?:min )?til dere|kjøper dere bil(?:er)?|terima jual|beli mobil saya|mobil saya dibeli`)],
  ["opening_hours", phrase(String.raw`openingstijden|open(?:ingstijd)?|geopend|hoe laat|tot hoe laat|åpningstid\w*|åpent|åpen|åpner|stenger|öffnungszeit\w*|geöffnet|offen|öffnen|` +
    String.raw`opening hours|opening times|hours|opens?|closes?|closing time|jam (?:buka|operasional|kerja)|buka|bukanya|tutup|tutupnya`)],
  // "Waar staat hij?", "Hvor står den?", "Wo steht er?": where the car is, which is where the dealer (or its showroom) is.
  ["location", phrase(String.raw`adres|waar zitten|waar zijn jullie|waar is|waar staat|route|locatie|vestiging|adresse|hvor (?:er|holder|ligger|står)|hvor finner|` +
    String.raw`wo (?:sind|ist|finde|steht)|standort|address|where are you|where is|where can i see|location|directions|alamat|lokasi|dimana|di mana|share ?loc|maps`)],
  // Wanting a car without saying which: "Ik wil een auto kopen", "I'm looking for a car", "Ada ready stock?" (a search of
  // the whole stock; any filter named makes it a narrower one).
  // Or asking what there is: "Welke auto's hebben jullie?", "What cars do you have?", "Mobil apa saja?".
  ["browse", phrase(String.raw`(?:een |an? )?auto kopen|wil (?:graag )?een auto|zoek(?:en)? (?:een |naar een )?(?:auto|occasion|tweedehands)|` +
    String.raw`welke (?:auto'?s|wagens|occasions) (?:hebben|heb|verkopen) jullie|wat (?:hebben|heb) jullie (?:te koop|staan|op voorraad|in (?:de )?(?:aanbod|voorraad))|` +
    String.raw`buy a car|looking for a (?:car|used car)|want (?:to buy )?a car|what (?:cars|vehicles) (?:do you have|have you got|are (?:there|available))|what(?:'s| is) in stock|` +
    String.raw`what (?:do you have|have you got) (?:in stock|for sale)|` +
    String.raw`(?:ein )?auto kaufen|suche? (?:ein(?:en)? )?(?:auto|gebrauchtwagen|wagen)|welche (?:autos|wagen|fahrzeuge) (?:habt ihr|haben sie)|was (?:habt ihr|haben sie) (?:im angebot|auf lager|da)|` +
    String.raw`kjøpe (?:en )?bil|ser etter (?:en )?bil|ute etter (?:en )?bil|hvilke biler (?:har|selger) dere|hva har dere (?:inne|på lager|til salgs)|` +
    String.raw`beli mobil|cari mobil|ready stock|stok ready|unit ready|ada stok|stock apa aja|unit apa aja|mobil apa (?:saja|aja)|ada mobil apa`)],
  ["thanks", phrase(String.raw`bedankt|dank(?:je| je| u)?(?: wel)?|thanks?(?: you)?|thx|ty|takk(?: skal du ha)?|tusen takk|danke(?: schön| sehr)?|vielen dank|terima ?kasih|makasih|trims|thank u`)],
  ["greeting", new RegExp(String.raw`^[\s\p{P}\p{S}]*(?:hoi|hallo|hey|hi|hei|heisann|hallais|moin|servus|guten (?:tag|morgen|abend)|goede(?:morgen|middag|navond)|goeie|hello|hiya|good (?:morning|afternoon|evening)|halo|hai|selamat (?:pagi|siang|sore|malam)|assalamu\w*|pagi|siang|sore|permisi|god (?:morgen|dag|kveld))${R}`, "iu")],
];

const searchKeys: (keyof Entities)[] = ["make", "model", "maxPrice", "minPrice", "fuel", "transmission", "body", "minYear", "maxYear", "maxKm", "color", "features", "order"];
const looksAtOneCar = phrase(String.raw`(?:is|zijn) (?:de|die|deze) .{0,30}(?:nog|er nog)|nog (?:beschikbaar|te koop|leverbaar|er)|er nog|still (?:available|there|for sale)|` +
  String.raw`fortsatt (?:tilgjengelig|til salgs|ledig)|ennå|noch (?:verfügbar|da|zu haben)|masih (?:ada|tersedia|ready)|` +
  String.raw`meer (?:info|informatie|foto'?s)|more (?:info|photos|pictures)|mer info|flere bilder|mehr (?:infos?|bilder)|info (?:lengkap|dong)|foto'?s|photos|bilder|` +
  String.raw`info harga|wat kost|hoeveel kost|(?:prijs|price|prisen?|preis|harga) (?:van|of|på|des|vom|von|dari)|how much is|how much for|hva koster|was kostet|wie viel kostet|berapa harga|harganya berapa|berapa`);

// "de Polo", "the golf", "den Golf": a definite article points at the car in stock, not at a search.
function namesTheCar(text: string, model: string): boolean {
  const name = model.toLowerCase().split(/[\s.-]+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s.-]*");
  return new RegExp(String.raw`${L}(?:de|die|der|den|dem|the|this|that|deze|dit|diese[nmr]?|denne)\s+(?:[\p{L}-]+\s+)?${name}${R}`, "iu").test(text);
}

/** Intents strongest first; entities add browsing, a named car or a planned visit when no phrase did. */
export function rankIntents(text: string, entities: Entities): { intents: Intent[]; explicit: boolean } {
  if (optOutWhole.test(text) || optOutCommand.test(text)) return { intents: ["opt_out"], explicit: true };
  const found = intentPatterns.filter(([, re]) => re.test(text)).map(([intent]) => intent);
  const explicit = found.some((i) => i !== "greeting" && i !== "thanks");
  const actions = found.filter((i) => ["handover", "test_drive", "price_negotiation", "financing", "trade_in"].includes(i));
  const out: Intent[] = [...actions];
  const searching = searchKeys.some((k) => entities[k] !== undefined);
  const oneCar = Boolean(entities.vehicleCode) || (Boolean(entities.model) && (looksAtOneCar.test(text) || namesTheCar(text, entities.model!)));
  if (!actions.length && (entities.date || entities.time || entities.afterHour !== undefined) && !found.includes("opening_hours")) out.push("test_drive");
  if (oneCar) out.push("specific_vehicle");
  if (searching && !oneCar) out.push("browse");
  out.push(...found.filter((i) => !actions.includes(i)));
  if (out.length === 0) return { intents: ["other"], explicit: false };
  return { intents: [...new Set(out)], explicit };
}
