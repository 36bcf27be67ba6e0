/** The languages and currencies a dealer can run in: the profile form's choices and what its schema accepts. */
export const dealerLocales = {
  "nl-NL": "Dutch (Netherlands)", "nb-NO": "Norwegian (Norway)", "id-ID": "Indonesian (Indonesia)", "en-GB": "English (United Kingdom)", "de-DE": "German (Germany)",
} as const;
export type DealerLocale = keyof typeof dealerLocales;
export const dealerLocaleCodes = Object.keys(dealerLocales) as [DealerLocale, ...DealerLocale[]];

export const dealerCurrencies = ["EUR", "NOK", "IDR", "GBP", "USD"] as const;
