import { featureName, featuresNamed, type FeatureKind } from "@/lib/inventory/feature-words";
import type { Lang } from "../types";

// Each kind of equipment (lib/inventory/feature-words) in the words a shopper of each language uses; English is the
// dashboard's name for it.
const names: Record<Exclude<Lang, "en">, Record<FeatureKind, string>> = {
  nl: {
    allWheelDrive: "vierwielaandrijving", towbar: "trekhaak", heatedSeats: "stoelverwarming", heatedWheel: "stuurverwarming", navigation: "navigatie",
    smartphone: "CarPlay / Android Auto", climate: "airco", rearAirCon: "airco achterin", parkingSensors: "parkeersensoren", camera: "achteruitrijcamera",
    cruiseControl: "cruisecontrol", panoramicRoof: "panoramadak", keyless: "sleutelloos openen en starten", heatPump: "warmtepomp", fastCharging: "snelladen",
    chargingCable: "laadkabel", winterTyres: "winterbanden", leather: "leer", powerTailgate: "elektrische achterklep", roofRails: "dakrails",
    blindSpot: "dodehoekwaarschuwing", laneAssist: "rijstrookassistent", ledLights: "ledverlichting", alloyWheels: "lichtmetalen velgen",
  },
  nb: {
    allWheelDrive: "firehjulstrekk", towbar: "hengerfeste", heatedSeats: "setevarme", heatedWheel: "rattvarme", navigation: "navigasjon",
    smartphone: "CarPlay / Android Auto", climate: "klimaanlegg", rearAirCon: "klimaanlegg bak", parkingSensors: "parkeringssensorer", camera: "ryggekamera",
    cruiseControl: "cruisekontroll", panoramicRoof: "panoramatak", keyless: "nøkkelfri låsing og start", heatPump: "varmepumpe", fastCharging: "hurtiglading",
    chargingCable: "ladekabel", winterTyres: "vinterhjul", leather: "skinn", powerTailgate: "elektrisk bakluke", roofRails: "takrails",
    blindSpot: "blindsonevarsler", laneAssist: "filholdingsassistent", ledLights: "LED-lys", alloyWheels: "lettmetallfelger",
  },
  de: {
    allWheelDrive: "Allradantrieb", towbar: "Anhängerkupplung", heatedSeats: "Sitzheizung", heatedWheel: "Lenkradheizung", navigation: "Navigationssystem",
    smartphone: "CarPlay / Android Auto", climate: "Klimaanlage", rearAirCon: "Klimaanlage hinten", parkingSensors: "Einparkhilfe", camera: "Rückfahrkamera",
    cruiseControl: "Tempomat", panoramicRoof: "Panoramadach", keyless: "schlüsselloses Öffnen und Starten", heatPump: "Wärmepumpe", fastCharging: "Schnellladen",
    chargingCable: "Ladekabel", winterTyres: "Winterreifen", leather: "Leder", powerTailgate: "elektrische Heckklappe", roofRails: "Dachreling",
    blindSpot: "Totwinkelwarner", laneAssist: "Spurhalteassistent", ledLights: "LED-Scheinwerfer", alloyWheels: "Leichtmetallfelgen",
  },
  id: {
    allWheelDrive: "penggerak empat roda", towbar: "towing bar", heatedSeats: "pemanas jok", heatedWheel: "pemanas setir", navigation: "navigasi",
    smartphone: "CarPlay / Android Auto", climate: "AC", rearAirCon: "AC double blower", parkingSensors: "sensor parkir", camera: "kamera mundur",
    cruiseControl: "cruise control", panoramicRoof: "panoramic roof", keyless: "keyless entry dan start", heatPump: "heat pump", fastCharging: "fast charging",
    chargingCable: "kabel charger", winterTyres: "ban musim dingin", leather: "jok kulit", powerTailgate: "pintu bagasi elektrik", roofRails: "roof rail",
    blindSpot: "blind spot monitor", laneAssist: "lane assist", ledLights: "lampu LED", alloyWheels: "velg alloy",
  },
};

const nameIn = (kind: FeatureKind, lang: Lang) => (lang === "en" ? featureName(kind) : names[lang][kind]);

/**
 * A line of a car's equipment as a shopper writing another language than the dealer's reads it: a kind the words
 * know in the shopper's words with the dealer's line after it ("Tow bar (Trekhaak)", so the dealer's words stay
 * quoted as listed); a line that names no single kind, or a shopper of the dealer's language, as listed.
 */
export function equipmentFor(line: string, lang: Lang, dealerLang: Lang): string {
  if (lang === dealerLang) return line;
  const kinds = featuresNamed(line);
  if (kinds.length !== 1) return line;
  const name = nameIn(kinds[0].kind, lang);
  if (name.toLowerCase() === line.trim().toLowerCase()) return line;
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} (${line})`;
}
