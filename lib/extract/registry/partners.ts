// Finds registry partners in a text: every alias in every case form, longest match first,
// whole words only. Measured on the shared 2-core machine: compiling the bundled registry
// (313 partners, ~1,000 aliases) 35–50 ms when quiet, up to 350 ms at load average 20;
// find() over a 5,000-character article 0.3–0.6 ms when quiet, about twice a plain regex
// word split of the same text (tests/unit/extract-registry-speed.test.ts).
import type { PartnerMatcher, PartnerMention, Registry, RegistryPartner } from "../types";
import { bundledAliasKinds, geographicPhrases } from "./data";
import { wordForms } from "./inflect";
import { atomize, Gap, normalizeAlias, normalizeChars, startsSentence, type Atom } from "./text";

/** How a text atom must be written to match an alias atom. */
const enum Shape {
  Any = 0,
  /** Capitalised: a proper name ("Китай" but not "китай" in some other sense). */
  Capital = 1,
  /** An abbreviation: as written, or in capitals, or (4+ letters) capitalised ("ТюркПа"). */
  Abbreviation = 2,
  /** In small letters unless a sentence starts with it: "поляков" but not the surname "Поляков". */
  Lower = 3,
}

interface Terminal {
  /** Index into the partner list, -1 for a geographic phrase that names no partner. */
  partner: number;
  alias: string;
  via: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  terminal?: Terminal;
}

interface FormEntry {
  key: string;
  shape: Shape;
  /** The abbreviation as written (ё→е), for the exact-case check. */
  exact?: string;
  aliasLength: number;
}

const FIXED_WORDS = new Set(["по", "в", "во", "и", "для", "на", "о", "об", "при", "с", "со", "из", "к", "от", "до", "за", "де", "да", "ди", "ла"]);
/** Single-word names that are also common words: matched only inside a sentence. */
const COMMON_WORD_NAMES = new Set(["того", "чад", "мали", "перу", "куба", "гана"]);
/** A capitalised word after a country's name that looks like a surname: "Данией Еспаевой" is a person. */
const SURNAME_AFTER = /(ов|ев|ёв|ин|ын|ова|ева|ина|ына|ову|еву|ину|овой|евой|иной|овым|евым|иным|овом|евом|овых|евых|ская|ской|скую|енко|швили|дзе|ян|яна|яну|яном|уулу|кызы)$/;

export interface PartnerMatcherOptions {
  /** ISO code of the home country, whose mentions are flagged `home` (default KZ). */
  homeCode?: string;
}

export function compilePartners(registry: Registry, options: PartnerMatcherOptions = {}): PartnerMatcher {
  const homeCode = options.homeCode ?? "KZ";
  const partners = registry.partners;
  const root: TrieNode = { next: new Map() };
  const formIndex = new Map<string, Map<string, FormEntry>>();
  const fallbackKinds = bundledAliasKinds();

  const insert = (alias: string, terminal: Terminal) => {
    const atoms = atomize(alias);
    if (atoms.length === 0) return;
    let node = root;
    atoms.forEach((atom, i) => {
      const surface = alias.slice(atom.start, atom.end);
      const shape = terminal.via === "demonym" ? Shape.Lower : atomShape(surface, i);
      const exact = shape === Shape.Abbreviation ? surface.replace(/ё/g, "е").replace(/Ё/g, "Е") : undefined;
      const key = `${atom.norm}\u0001${shape}\u0001${exact ?? ""}`;
      const forms = shape === Shape.Abbreviation || FIXED_WORDS.has(atom.norm) ? [atom.norm] : cachedForms(atom.norm);
      const entry: FormEntry = { key, shape, exact, aliasLength: atom.norm.length };
      for (const form of forms) {
        let entries = formIndex.get(form);
        if (!entries) formIndex.set(form, (entries = new Map()));
        if (!entries.has(key)) entries.set(key, entry);
      }
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map() }));
      node = child;
    });
    // The first registry entry to claim an alias keeps it.
    if (!node.terminal || (node.terminal.partner === -1 && terminal.partner !== -1)) node.terminal = terminal;
  };

  partners.forEach((partner, index) => {
    const aliases = new Set<string>([partner.name, ...(partner.fullNameRu ? [partner.fullNameRu] : []), ...partner.aliases]);
    for (const alias of aliases) {
      const clean = alias.replace(/[«»"“”„]/g, "").trim();
      if (!clean) continue;
      insert(clean, { partner: index, alias, via: aliasVia(alias, partner, fallbackKinds) });
    }
  });
  for (const phrase of geographicPhrases()) insert(phrase.toLowerCase(), { partner: -1, alias: phrase, via: "geographic" });

  const byCode = new Map<string, RegistryPartner>();
  for (const p of partners) if (p.code && !byCode.has(p.code)) byCode.set(p.code, p);

  function candidates(atom: Atom, text: string): string[] {
    const entries = formIndex.get(atom.norm);
    if (!entries) return [];
    const keys: string[] = [];
    for (const e of entries.values()) {
      if (e.shape === Shape.Capital && !atom.firstUpper) continue;
      if (e.shape === Shape.Lower && atom.firstUpper && !atom.allUpper && !startsSentence(text, atom)) continue;
      if (e.shape === Shape.Abbreviation) {
        const surface = text.slice(atom.start, atom.end).replace(/ё/g, "е").replace(/Ё/g, "Е");
        if (surface !== e.exact && !atom.allUpper && !(e.aliasLength >= 4 && atom.firstUpper)) continue;
      }
      keys.push(e.key);
    }
    return keys;
  }

  function find(text: string): PartnerMention[] {
    const atoms = atomize(text);
    const found: { first: number; last: number; terminal: Terminal }[] = [];
    let i = 0;
    while (i < atoms.length) {
      // Most words start no alias: one map lookup and on.
      if (!formIndex.has(atoms[i].norm)) {
        i++;
        continue;
      }
      let best: { last: number; terminal: Terminal } | null = null;
      let frontier: TrieNode[] = [root];
      for (let j = i; j < atoms.length && frontier.length; j++) {
        if (j > i && atoms[j].gap === Gap.Break) break;
        const keys = candidates(atoms[j], text);
        if (!keys.length) break;
        const next: TrieNode[] = [];
        for (const node of frontier) {
          for (const key of keys) {
            const child = node.next.get(key);
            if (child) next.push(child);
          }
        }
        frontier = next;
        for (const node of frontier) {
          if (node.terminal && (!best || best.last < j)) best = { last: j, terminal: node.terminal };
        }
      }
      if (best) {
        found.push({ first: i, last: best.last, terminal: best.terminal });
        i = best.last + 1;
      } else i++;
    }

    const covered = new Uint8Array(atoms.length);
    for (const f of found) for (let k = f.first; k <= f.last; k++) covered[k] = 1;
    const mentions: PartnerMention[] = [];
    for (const f of found) {
      if (f.terminal.partner < 0) continue;
      // Part of a hyphenated word whose other parts name nothing: "Южно-Китайское море", "Восточно-Казахстанской".
      // A combining form ("южно-", "индо-") glues the parts into one adjective that is not the partner's.
      if (atoms[f.first].gap === Gap.Join && !covered[f.first - 1] && /[а-я]о$/.test(atoms[f.first - 1].norm)) continue;
      const after = atoms[f.last + 1];
      if (after && after.gap === Gap.Join && !covered[f.last + 1] && /[а-я]о$/.test(atoms[f.last].norm) && /^[а-я]+$/.test(after.norm)) continue;
      // One part of a hyphenated proper name: "Сан-Франциско", "Гвинея-Конакри".
      if (f.first === f.last && after && after.gap === Gap.Join && !covered[f.last + 1] && after.firstUpper) continue;
      if (f.first === f.last && atoms[f.first].gap === Gap.Join && !covered[f.first - 1] && atoms[f.first - 1].firstUpper && atoms[f.first].firstUpper) continue;
      const partner = partners[f.terminal.partner];
      if (f.first === f.last && partner.type === "country" && looksLikePerson(atoms, f.first, text, covered)) continue;
      const start = atoms[f.first].start;
      const end = atoms[f.last].end;
      const mention: PartnerMention = { partner, surface: text.slice(start, end), span: [start, end], via: f.terminal.via };
      if (partner.code === homeCode) mention.home = true;
      mentions.push(mention);
    }
    return mentions;
  }

  return { find, byCode: (code) => byCode.get(code) };
}

const formsCache = new Map<string, string[]>();
function cachedForms(word: string): string[] {
  let forms = formsCache.get(word);
  if (!forms) formsCache.set(word, (forms = [...wordForms(word)]));
  return forms;
}

function atomShape(surface: string, index: number): Shape {
  const upper = [...surface].filter((ch) => ch !== ch.toLowerCase()).length;
  if (upper >= 2 || (upper >= 1 && /\d/.test(surface))) return Shape.Abbreviation;
  if (upper === 1 && surface[0] !== surface[0].toLowerCase() && index === 0) return Shape.Capital;
  return Shape.Any;
}

function looksLikePerson(atoms: Atom[], index: number, text: string, covered: Uint8Array): boolean {
  const atom = atoms[index];
  if (COMMON_WORD_NAMES.has(atom.norm) && startsSentence(text, atom)) return true;
  const next = atoms[index + 1];
  if (!next || next.gap !== Gap.Space || covered[index + 1] || !next.firstUpper || next.allUpper) return false;
  if (!SURNAME_AFTER.test(normalizeChars(text.slice(next.start, next.end)))) return false;
  // "министром иностранных дел Словении Ниной Ковач": a capitalised word after the surname-like one makes that
  // one a given name and the country a country (a patronymic aside: "Дания Еспаева Маратовна")
  const third = atoms[index + 2];
  return !(third && third.gap === Gap.Space && third.firstUpper && !third.allUpper && !/(?:вна|вич|вны|вной|вне|вну|вича|вичу|вичем)$/u.test(third.norm));
}

function aliasVia(alias: string, partner: RegistryPartner, fallback: Map<string, string>): string {
  const norm = normalizeAlias(alias);
  const kind = partner.aliasKinds?.[alias] ?? fallback.get(norm);
  if (kind) return kind === "case_form" || kind === "learned" || kind === "merged" ? "alias" : kind;
  if (norm === normalizeAlias(partner.name)) return "name";
  if (partner.fullNameRu && norm === normalizeAlias(partner.fullNameRu)) return "full_name";
  const letters = alias.replace(/[^\p{L}]/gu, "");
  if (letters.length > 1 && letters === letters.toUpperCase() && !alias.includes(" ")) return "abbreviation";
  if (alias[0] === alias[0].toLowerCase()) return "adjective";
  return "alias";
}
