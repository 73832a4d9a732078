import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";

type Translator = { (key: string): string; has: (key: string) => boolean };

/** An alias's kind and origin in words ("сокращение, из поставки"), never the stored codes. */
export function aliasNote(t: Translator, kind: string | null, source: string): string {
  const word = (group: string, key: string) => (t.has(`${group}.${key}`) ? t(`${group}.${key}`) : t(`${group}.other`));
  return [kind ? word("aliasKinds", kind) : null, word("aliasSources", source)].filter(Boolean).join(", ");
}

type Row = { id: number; action: string; field: string | null; before: unknown; after: unknown; at: Date; userId: number | null };

/** The words of a stored value a reader cares about (an alias, a keyword, a name, a position), or null for internal data. */
export function valueWords(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "string") return v.length > 160 ? `${v.slice(0, 157)}…` : v;
  if (typeof v === "number" || typeof v === "boolean") return null; // ids and flags mean nothing to a reader
  if (Array.isArray(v)) {
    const words = v.map(valueWords).filter((w): w is string => Boolean(w));
    return words.length ? words.join(", ") : null;
  }
  const o = v as Record<string, unknown>;
  for (const key of ["alias", "keyword", "name", "title", "label", "labelRu", "nameRu", "reason"]) {
    if (typeof o[key] === "string" && o[key]) return valueWords(o[key]);
  }
  return null;
}

/** The latest history rows of a registry entry as sentences: when, what was done, from what to what (no internal codes or data). */
export async function ChangeList({ rows, title }: { rows: Row[]; title: string }) {
  if (!rows.length) return null;
  const [t, locale] = await Promise.all([getTranslations("overview"), getLocale()]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const word = (key: string) => (t.has(`actions.${key}`) ? t(`actions.${key}`) : t("actions.other"));
  return (
    <Card title={title} id="registry-history">
      <ol className="space-y-1 text-sm">
        {rows.map((r) => {
          const before = valueWords(r.before);
          const after = valueWords(r.after);
          const field = r.field && t.has(`fields.${r.field}`) ? ` (${t(`fields.${r.field}`)})` : "";
          return (
            <li key={r.id}>
              <time dateTime={r.at.toISOString()} className="text-slate-500">{when.format(r.at)}</time>{" "}
              <strong>{word(r.action)}</strong>
              {field}
              {before || after ? <>: {before ? `«${before}»` : "—"} → {after ? `«${after}»` : "—"}</> : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
