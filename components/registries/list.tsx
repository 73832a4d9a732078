// The registries' list pages (partners, people) are built from these: a GET search form
// (filters live in the URL), a table of entries or an empty state, and a pager; the
// detail pages' tables and forms use the same table and fields. Server components only.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import { buttonClass, EmptyState, fieldClass, Options, Table, TBody, Td, Th, THead, Tr, type SelectOption } from "@/components/ui";

/** The registries pages' translator (server side). */
export type RegistryT = Awaited<ReturnType<typeof getTranslations<"registries">>>;

/** A field of a registry form: the label wraps the input, so no id is needed unless one is given. */
export function FormField({ label, id, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode }) {
  return (
    <label className="text-sm" htmlFor={id}>
      {label}
      <input id={id} className={fieldClass} {...input} />
    </label>
  );
}

export function FormSelect({
  label,
  id,
  options,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; options: SelectOption[] }) {
  return (
    <label className="text-sm" htmlFor={id}>
      {label}
      <select id={id} className={fieldClass} {...select}>
        <Options options={options} />
      </select>
    </label>
  );
}

/** The filters above a list: a plain GET form, so every view can be bookmarked. */
export async function SearchForm({ children }: { children: ReactNode }) {
  const t = await getTranslations("registries");
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-2">
      {children}
      <button type="submit" className={buttonClass("secondary", "sm")}>
        {t("apply")}
      </button>
    </form>
  );
}

export function EntryLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link className="text-blue-800 underline" href={href}>
      {children}
    </Link>
  );
}

export interface Column<R> {
  header: ReactNode;
  cell: (row: R) => ReactNode;
  /** The column that names the row (a row header for screen readers). */
  rowHeader?: boolean;
}

/** A table of entries (keyed by their id unless `rowKey` says otherwise), or the empty state when there are none. */
export async function EntryTable<R>({
  caption,
  rows,
  columns,
  rowKey = (row) => (row as { id: number }).id,
}: {
  caption: string;
  rows: R[];
  columns: Column<R>[];
  rowKey?: (row: R) => string | number;
}) {
  if (rows.length === 0) return <EmptyState title={(await getTranslations("registries"))("empty")} />;
  return (
    <Table caption={caption}>
      <THead>
        <Tr>
          {columns.map((c, i) => (
            <Th key={i}>{c.header}</Th>
          ))}
        </Tr>
      </THead>
      <TBody>
        {rows.map((row) => (
          <Tr key={rowKey(row)}>
            {columns.map((c, i) =>
              c.rowHeader ? (
                <Th key={i} scope="row" className="font-normal">
                  {c.cell(row)}
                </Th>
              ) : (
                <Td key={i}>{c.cell(row)}</Td>
              ),
            )}
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Previous / next links under a list; nothing when everything fits on one page. */
export async function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations("registries");
  return (
    <nav aria-label={t("pagination")} className="mt-3 flex gap-2 text-sm">
      {page > 1 ? <EntryLink href={href(page - 1)}>{t("previous")}</EntryLink> : null}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages ? <EntryLink href={href(page + 1)}>{t("next")}</EntryLink> : null}
    </nav>
  );
}

/** The query string of a list page: the filters that are set and the page. */
export function listHref(path: string, filters: Record<string, string | undefined>, page: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  q.set("page", String(page));
  return `${path}?${q}`;
}
