// Which messages travel to the browser: a client component's subtree gets only the
// message groups it names, not the whole catalogue (which every page's payload would repeat).
export type MessageTree = { [key: string]: string | MessageTree };

/**
 * The parts of `all` named by dotted paths ("review.bulk", "auth"), merged into one tree.
 * A path that names nothing throws: a typo here would otherwise show raw keys in the UI.
 */
export function pickMessages(all: MessageTree, paths: readonly string[]): MessageTree {
  const out: MessageTree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: string | MessageTree | undefined = all;
    for (const key of keys) from = typeof from === "object" && Object.hasOwn(from, key) ? from[key] : undefined;
    if (from === undefined) throw new Error(`No messages at "${path}"`);
    let into = out;
    for (const key of keys.slice(0, -1)) {
      const next = into[key];
      into = into[key] = typeof next === "object" ? next : {};
    }
    const last = keys[keys.length - 1];
    const existing = into[last];
    into[last] = typeof existing === "object" && typeof from === "object" ? { ...existing, ...from } : from;
  }
  return out;
}
