// The browser gets only the message groups a page names (components/i18n/client-messages).
// A key a client component uses but the page does not ship would show as a raw key, so
// every literal key of the review pages' client components must resolve, in every locale.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pickMessages, type MessageTree } from "@/components/i18n/pick-messages";
import { queueClientMessages, recordClientMessages } from "@/components/records/client-messages";
import en from "@/lib/i18n/messages/en.json";
import ru from "@/lib/i18n/messages/ru.json";

const locales = { ru, en } as Record<string, MessageTree>;

/** Keys a file translates: `t("a.b")`, `t(\`a.${x}\`)` (its static prefix) and `t.has(...)`, under the file's namespace. */
function usedKeys(file: string, namespace: string): string[] {
  const source = fs.readFileSync(path.join(process.cwd(), file), "utf8");
  const keys: string[] = [];
  for (const m of source.matchAll(/\bt(?:\.has)?\(\s*["`]([^"`$]*)(\$\{)?/g)) {
    const key = m[2] ? m[1].replace(/\.$/, "") : m[1];
    if (key) keys.push(`${namespace}.${key}`);
  }
  return keys;
}

function resolves(tree: MessageTree, key: string): boolean {
  let at: string | MessageTree | undefined = tree;
  for (const part of key.split(".")) at = typeof at === "object" ? at[part] : undefined;
  return at !== undefined;
}

describe("pickMessages", () => {
  it("keeps only the named groups, merged", () => {
    const all = { a: { x: "1", y: { z: "2" } }, b: { w: "3" }, c: "4" };
    expect(pickMessages(all, ["a.y", "c"])).toEqual({ a: { y: { z: "2" } }, c: "4" });
    expect(pickMessages(all, ["a.x", "a.y.z"])).toEqual({ a: { x: "1", y: { z: "2" } } });
  });

  it("throws on a group that does not exist", () => {
    expect(() => pickMessages({ a: { x: "1" } }, ["a.nope"])).toThrow(/a\.nope/);
    expect(() => pickMessages({ a: { x: "1" } }, ["a.x.deeper"])).toThrow();
  });
});

describe("the review pages ship every key their client components use", () => {
  const pages = {
    queue: {
      groups: queueClientMessages,
      files: {
        "components/records/queue-table.tsx": "review",
        "components/records/badges.tsx": "review",
        "components/records/shortcuts-overlay.tsx": "review.shortcuts",
        "components/records/partner-typeahead.tsx": "review.partnerSearch",
      },
    },
    record: {
      groups: recordClientMessages,
      files: {
        "components/records/record-workspace.tsx": "review",
        "components/records/record-fields.tsx": "review",
        "components/records/scalar-fields.tsx": "review",
        "components/records/list-fields.tsx": "review",
        "components/records/record-toolbar.tsx": "review",
        "components/records/conflict-panel.tsx": "review",
        "components/records/history-panel.tsx": "review",
        "components/records/format.ts": "review",
        "components/records/badges.tsx": "review",
        "components/records/article-text.tsx": "review.record",
        "components/records/shortcuts-overlay.tsx": "review.shortcuts",
        "components/records/partner-typeahead.tsx": "review.partnerSearch",
      },
    },
  };
  for (const [page, { groups, files }] of Object.entries(pages)) {
    for (const [locale, all] of Object.entries(locales)) {
      it(`${page} (${locale})`, () => {
        const shipped = pickMessages(all, groups);
        const keys = Object.entries(files).flatMap(([file, ns]) => usedKeys(file, ns));
        expect(keys.length).toBeGreaterThan(10);
        expect(keys.filter((k) => !resolves(shipped, k))).toEqual([]);
      });
    }
  }
});
