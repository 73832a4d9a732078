// The bundled registry: every ISO 3166-1 country, the organisations of organizations.tsv and
// other well-known ones, their aliases, and the theme keyword lexicon, all read from the TSV
// files in lib/extract/data (the same files seed/seed.ts reads).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PartnerType, Registry, RegistryPartner, RegistryTheme } from "../types";
import { normalizeAlias } from "./text";

function dataDir(): string {
  const fromCwd = path.join(process.cwd(), "lib", "extract", "data");
  if (fs.existsSync(path.join(fromCwd, "countries.tsv"))) return fromCwd;
  try {
    const here = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "data");
    if (fs.existsSync(path.join(here, "countries.tsv"))) return here;
  } catch {
    // import.meta.url is not a file URL inside some bundles; the working directory is then the only option.
  }
  throw new Error(`registry data not found in ${fromCwd}`);
}

/** The lines of a data file, without comments ("# …") and blank lines. */
export function readLines(file: string): string[] {
  return fs
    .readFileSync(path.join(dataDir(), file), "utf8")
    .replace(/\r/g, "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

export function readTsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(dataDir(), file), "utf8").replace(/\r/g, "");
  const [head, ...lines] = text.split("\n").filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const cols = head.split("\t");
  return lines.map((l) => Object.fromEntries(l.split("\t").map((v, i) => [cols[i], v.trim()])));
}

let cached: Registry | null = null;

/** The registry bundled with the extractor; the database registry replaces it once seeded. */
export function defaultRegistry(): Registry {
  if (!cached) cached = buildDefaultRegistry();
  return structuredClone(cached);
}

function buildDefaultRegistry(): Registry {
  const partners: RegistryPartner[] = [];
  const byKey = new Map<string, RegistryPartner>();
  const add = (p: Omit<RegistryPartner, "aliases" | "aliasKinds">, key: string) => {
    const partner: RegistryPartner = { ...p, aliases: [], aliasKinds: {} };
    partners.push(partner);
    byKey.set(key, partner);
    addAlias(partner, p.name, "name");
    if (p.fullNameRu) addAlias(partner, p.fullNameRu, "full_name");
  };

  for (const r of readTsv("countries.tsv")) {
    add({ code: r.code, name: r.name_ru, type: "country", nameEn: r.name_en, region: r.region, parent: null, fullNameRu: null }, r.code);
  }
  const parents = new Map(readTsv("organization-parents.tsv").map((r) => [r.code, r.parent]));
  for (const r of readTsv("organizations.tsv")) {
    add(
      { code: r.code, name: r.name_ru, type: "organization", nameEn: r.name_en, fullNameRu: r.full_name_ru, parent: parents.get(r.code) ?? null, region: null },
      r.code,
    );
  }
  for (const r of readTsv("organizations-extra.tsv")) {
    add(
      {
        code: r.code || null,
        name: r.name_ru,
        type: (r.type || "organization") as PartnerType,
        nameEn: r.name_en || null,
        fullNameRu: r.full_name_ru && r.full_name_ru !== r.name_ru ? r.full_name_ru : null,
        parent: r.parent || null,
        region: null,
      },
      r.code || r.name_ru,
    );
  }
  for (const r of readTsv("partner-aliases.tsv")) {
    const partner = byKey.get(r.partner);
    if (!partner) throw new Error(`partner-aliases.tsv: unknown partner ${r.partner}`);
    addAlias(partner, r.alias, r.kind);
  }

  const weights = new Map<string, RegistryTheme>();
  for (const r of readTsv("themes.tsv")) weights.set(r.code, { code: r.code, keywords: [], weights: {} });
  for (const r of readTsv("theme-keywords.tsv")) {
    const theme = weights.get(r.code);
    if (!theme) throw new Error(`theme-keywords.tsv: unknown theme ${r.code}`);
    const keyword = r.keyword.toLowerCase();
    if (!theme.keywords.includes(keyword)) theme.keywords.push(keyword);
    theme.weights![keyword] = Number(r.weight || 1);
  }
  return { partners, themes: [...weights.values()] };
}

function addAlias(partner: RegistryPartner, alias: string, kind: string): void {
  const norm = normalizeAlias(alias);
  if (partner.aliases.some((a) => normalizeAlias(a) === norm)) return;
  partner.aliases.push(alias);
  partner.aliasKinds![alias] = kind;
}

let kindsCache: Map<string, string> | null = null;

/** Alias kinds of the bundled data by normalised alias: a fallback for registries whose aliases carry no kind. */
export function bundledAliasKinds(): Map<string, string> {
  if (!kindsCache) {
    kindsCache = new Map();
    try {
      for (const p of defaultRegistry().partners) {
        for (const [alias, kind] of Object.entries(p.aliasKinds ?? {})) kindsCache.set(normalizeAlias(alias), kind);
      }
    } catch {
      // Without the bundled files the kinds are inferred from the alias itself.
    }
  }
  return kindsCache;
}

/** The geographic phrases that contain a country's name without naming a partner ("Латинская Америка"). */
export function geographicPhrases(): string[] {
  try {
    return readTsv("geographic-phrases.tsv").map((r) => r.phrase);
  } catch {
    return [];
  }
}
