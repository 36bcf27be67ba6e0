// The vehicle vocabulary (CONTRACTS §5) in English: the dashboard's words for it and the English dealer site's.
// Its own small module, so client forms import these few words and not every language of the site.
export const englishVehicleWords = {
  fuels: { petrol: "Petrol", diesel: "Diesel", hybrid: "Hybrid", electric: "Electric", lpg: "LPG", other: "Other" } as Record<string, string>,
  transmissions: { manual: "Manual", automatic: "Automatic" } as Record<string, string>,
  bodies: {
    hatchback: "Hatchback", sedan: "Sedan", estate: "Estate", suv: "SUV", mpv: "MPV", coupe: "Coupé", convertible: "Convertible", van: "Van", pickup: "Pick-up", other: "Other",
  } as Record<string, string>,
  colors: {
    black: "Black", white: "White", grey: "Grey", silver: "Silver", blue: "Blue", red: "Red", green: "Green", brown: "Brown", beige: "Beige", yellow: "Yellow", orange: "Orange",
  } as Record<string, string>,
  statuses: { available: "Available", reserved: "Reserved", sold: "Sold", draft: "Draft" } as Record<string, string>,
};

/** A stored value in its English word; a value without one (a colour the dealer typed) as it is. */
export const englishWord = (table: Record<string, string>, value: string | null | undefined) => (value ? (table[value.toLowerCase()] ?? value) : undefined);
