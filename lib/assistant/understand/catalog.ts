import type { KnownModel } from "../types";

// Common makes in the three markets with their usual models; the tenant's own stock adds to these.
const builtIn: Record<string, string> = {
  Toyota: "Yaris Cross, Yaris, Aygo X, Aygo, Corolla Cross, Corolla, C-HR, RAV4, Prius, Camry, Avanza, Veloz, Innova Zenix, Innova, Fortuner, Rush, Agya, Calya, Raize, Hilux, Land Cruiser, Proace, bZ4X, Alphard, Sienta, Vios",
  Volkswagen: "Golf Variant, Golf, Polo, Up, T-Roc, T-Cross, Taigo, Tiguan Allspace, Tiguan, Passat Variant, Passat, Touran, Touareg, Arteon, ID.3, ID.4, ID.5, ID. Buzz, Caddy, Transporter, Crafter, Amarok",
  "Mercedes-Benz": "A-Klasse, B-Klasse, C-Klasse, E-Klasse, S-Klasse, CLA, GLA, GLB, GLC, GLE, EQA, EQB, EQC, EQE, Vito, Sprinter, Citan",
  BMW: "1 Serie, 2 Serie, 3 Serie, 4 Serie, 5 Serie, X1, X2, X3, X4, X5, X6, iX1, iX3, iX, i3, i4, i5",
  Audi: "A1, A3, A4 Avant, A4, A5, A6 Avant, A6, Q2, Q3, Q4 e-tron, Q5, Q7, Q8, e-tron GT, e-tron",
  Opel: "Corsa-e, Corsa, Astra Sports Tourer, Astra, Mokka, Crossland, Grandland, Insignia, Zafira, Combo, Vivaro, Movano, Adam, Karl",
  Peugeot: "108, 208, e-208, 2008, e-2008, 308 SW, 308, 3008, 408, 508, 5008, Rifter, Partner, Expert, Boxer",
  Renault: "Clio, Captur, Megane E-Tech, Megane, Scenic, Austral, Arkana, Kadjar, Zoe, Twingo, Kangoo, Trafic, Master",
  "Citroën": "C1, C3 Aircross, C3, C4, C5 Aircross, C5 X, Berlingo, Jumpy, Jumper, e-C4",
  Ford: "Fiesta, Focus, Puma, Kuga, Mondeo, Mustang Mach-E, Mustang, Explorer, Ranger, Transit Custom, Transit, Tourneo, EcoSport, Everest",
  Kia: "Picanto, Rio, Ceed, ProCeed, XCeed, Stonic, Niro, e-Niro, Sportage, Sorento, EV6, EV9, Soul, Seltos, Sonet, Carens, Carnival",
  Hyundai: "i10, i20, i30, Bayon, Kona Electric, Kona, Tucson, Santa Fe, Ioniq 5, Ioniq 6, Ioniq, Creta, Stargazer, Palisade, H-1",
  Skoda: "Fabia, Scala, Octavia Combi, Octavia, Superb Combi, Superb, Kamiq, Karoq, Kodiaq, Enyaq, Citigo",
  Seat: "Ibiza, Leon, Arona, Ateca, Tarraco, Mii",
  Cupra: "Born, Formentor, Leon",
  Volvo: "XC40, XC60, XC70, XC90, EX30, EX40, V40, V50, V60, V70, V90, S60, S90, C40",
  Tesla: "Model 3, Model Y, Model S, Model X",
  Nissan: "Micra, Juke, Qashqai, X-Trail, Leaf, Ariya, Navara, Note, Livina, Serena, Kicks, Magnite",
  Mazda: "Mazda2, Mazda3, Mazda6, CX-3, CX-30, CX-5, CX-60, MX-5",
  Honda: "Jazz, Civic, HR-V, CR-V, e:Ny1, Brio, Mobilio, BR-V, WR-V, City, Accord",
  Suzuki: "Swift, Ignis, Vitara, S-Cross, Jimny, Baleno, Ertiga, XL7, Carry, APV, Celerio",
  Mitsubishi: "Space Star, ASX, Eclipse Cross, Outlander, Xpander Cross, Xpander, Pajero Sport, Pajero, Triton, L300, L200",
  Daihatsu: "Xenia, Terios, Sigra, Ayla, Rocky, Gran Max, Luxio, Sirion",
  Fiat: "500e, 500X, 500, Panda, Tipo, Doblo, Ducato",
  Mini: "Cooper SE, Cooper, Countryman, Clubman",
  Dacia: "Sandero Stepway, Sandero, Duster, Jogger, Spring, Logan",
  Polestar: "Polestar 2, Polestar 3, Polestar 4",
  Lexus: "UX, NX, RX, CT, IS, ES",
  Porsche: "911, Taycan, Macan, Cayenne, Panamera",
  "Land Rover": "Range Rover Evoque, Range Rover Sport, Range Rover, Discovery Sport, Discovery, Defender",
  Jeep: "Renegade, Compass, Wrangler, Avenger",
  Subaru: "Forester, Outback, XV, Impreza",
  MG: "MG4, MG5, ZS EV, ZS, HS, Marvel R",
  BYD: "Atto 3, Dolphin, Seal, Han, Tang",
  Wuling: "Air ev, Almaz, Confero, Cortez, Formo, Binguo",
  Chery: "Tiggo 7, Tiggo 8, Omoda 5",
  Isuzu: "D-Max, Panther, Elf, MU-X",
  Lynk: "01",
  Smart: "fortwo, forfour, #1",
  DS: "DS 3, DS 4, DS 7",
  "Alfa Romeo": "Giulia, Stelvio, Tonale, Giulietta",
  Jaguar: "E-Pace, F-Pace, I-Pace, XE, XF",
  Chevrolet: "Trailblazer, Captiva, Spin, Trax, Colorado, Spark, Aveo, Cruze, Orlando, Camaro, Corvette",
  SsangYong: "Tivoli, Korando, Rexton, Torres, Musso",
  Geely: "Coolray, Okavango, EX5",
  Haval: "Jolion, H6",
  DFSK: "Glory 560, Glory 580",
  VinFast: "VF 3, VF 5, VF 6, VF 7, VF 8, VF 9, VF e34",
  Xpeng: "G6, G9, P7",
  Zeekr: "001, 007, X",
  Leapmotor: "T03, C10",
  Lada: "Niva, Vesta, Granta",
  Lancia: "Ypsilon, Delta",
  Abarth: "595, 695, 500e",
  Infiniti: "Q30, Q50, QX50, QX70",
  Cadillac: "Escalade, Lyriq, XT4, XT5, CT5",
  Ferrari: "Roma, Portofino, Purosangue, SF90, 812 Superfast, 296 GTB, F8 Tributo, 488, California",
  Lamborghini: "Huracán, Huracan, Urus, Aventador, Revuelto",
  Maserati: "Ghibli, Levante, Grecale, Quattroporte, MC20",
  Bentley: "Continental GT, Bentayga, Flying Spur",
  "Rolls-Royce": "Ghost, Phantom, Cullinan, Wraith, Spectre",
  "Aston Martin": "DB11, DB12, DBX, Vantage",
  McLaren: "720S, 750S, Artura",
  Saab: "9-3, 9-5",
  Lotus: "Emira, Eletre, Emeya, Elise, Exige, Evora",
  Genesis: "GV60, GV70, GV80, G70, G80, G90",
  Alpine: "A110, A290",
  Dodge: "Challenger, Charger, Durango, Journey, Viper",
};

export const makeAliases: Record<string, string> = {
  vw: "Volkswagen", volkswagen: "Volkswagen", volkswagon: "Volkswagen", wv: "Volkswagen", volkswagn: "Volkswagen",
  mercedes: "Mercedes-Benz", "mercedes-benz": "Mercedes-Benz", "mercedes benz": "Mercedes-Benz", merc: "Mercedes-Benz", mercy: "Mercedes-Benz",
  benz: "Mercedes-Benz", mercedez: "Mercedes-Benz", mb: "Mercedes-Benz", citroen: "Citroën", "škoda": "Skoda", peugot: "Peugeot", pegeot: "Peugeot",
  hyundia: "Hyundai", hyunday: "Hyundai", huyndai: "Hyundai", toyta: "Toyota", toyot: "Toyota", mitsu: "Mitsubishi",
  "alfa": "Alfa Romeo", "range rover": "Land Rover", landrover: "Land Rover", "lynk & co": "Lynk", chevy: "Chevrolet", chevrolet: "Chevrolet",
  "ssang yong": "SsangYong", kgm: "SsangYong", "rolls royce": "Rolls-Royce", lambo: "Lamborghini",
};

// Makes that are also ordinary words: only recognised when capitalised as a name or next to one of their models.
export const wordLikeMakes = new Set(["Seat", "Smart", "Mini", "Jeep", "DS", "MG"]);
// Makes whose name is an everyday word even as a name ("Lotus", "Genesis", "Alpine", "Dodge"): recognised only
// together with one of their models ("Lotus Emira", "Genesis GV70").
export const modelOnlyMakes = new Set(["Lotus", "Genesis", "Alpine", "Dodge"]);

export const builtInModels: KnownModel[] = Object.entries(builtIn).flatMap(([make, list]) =>
  list.split(",").map((m) => ({ make, model: m.trim() })),
);

export const builtInMakes = Object.keys(builtIn);

// Model names that are everyday words or bare numbers: only recognised together with their make.
const wordLikeModels = new Set(["up", "ka", "note", "leaf", "life", "one", "jazz", "city", "rio", "partner", "expert", "master", "boxer",
  "spring", "born", "combo", "focus", "rush", "seal", "han", "tang", "dolphin", "rocky", "compass", "avenger", "karl", "adam", "soul",
  "carry", "panda", "explorer", "defender", "discovery", "elf", "marvel r", "01", "#1", "ux", "nx", "rx", "ct", "is", "es", "xe", "xf", "hs", "zs", "kicks", "formo",
  "jumper", "jumpy", "carnival", "superb", "ibiza", "accord", "cooper", "duster", "jogger", "logan", "renegade", "outback", "panther", "scenic", "serena", "ayla",
  "spin", "spark", "colorado", "orlando", "torres", "delta", "ghost", "phantom", "wraith", "spectre", "roma", "california", "x", "vantage", "escalade",
  "9-3", "9-5", "elise", "emira", "exige", "evora", "challenger", "charger", "journey", "viper"]);

export function modelNeedsMake(model: string): boolean {
  const m = model.toLowerCase();
  return wordLikeModels.has(m) || /^\d+$/.test(m) || m.length < 2;
}
