// Labels a table repeats on every row, translated without one message-format run per row
// (use-intl's t() was a visible share of the queue's render time).

/**
 * A message with one plain argument that differs on every row (a record id): formatted once around a
 * marker, then filled in by string, instead of one message-format run per row.
 */
export function perRow(format: (marker: string) => string): (value: string | number) => string {
  const marker = "\u0000";
  const text = format(marker);
  const at = text.indexOf(marker);
  if (at < 0) return () => text;
  return (value) => `${text.slice(0, at)}${value}${text.slice(at + marker.length)}`;
}

/** A translation with one varying number, formatted once per distinct number rather than once per row. */
export function perNumber(format: (n: number) => string): (n: number) => string {
  const seen = new Map<number, string>();
  return (n) => {
    let text = seen.get(n);
    if (text === undefined) seen.set(n, (text = format(n)));
    return text;
  };
}
