// World regions are stored as the registry's English names (countries.tsv, partners.region):
// a stable key for filters and exports. People read them in the interface's language.
const RU: Record<string, string> = {
  Africa: "Африка",
  Antarctica: "Антарктида",
  "CIS/Eastern Europe": "СНГ и Восточная Европа",
  "Central Asia": "Центральная Азия",
  "East Asia": "Восточная Азия",
  Europe: "Европа",
  "Latin America": "Латинская Америка",
  "Middle East": "Ближний Восток",
  "North America": "Северная Америка",
  Oceania: "Океания",
  "South Asia": "Южная Азия",
  "Southeast Asia": "Юго-Восточная Азия",
};

/** A region's name in the reader's language (an unknown one as stored). */
export function regionLabel(region: string, locale: string): string {
  return locale === "ru" ? (RU[region] ?? region) : region;
}
