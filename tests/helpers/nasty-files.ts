// Files built to stall a parser: generated in the tests rather than committed (megabytes).
export function nestedDivs(depth = 100_000): string {
  return `<html><body>${"<div>".repeat(depth)}Текст статьи о встрече.${"</div>".repeat(depth)}</body></html>`;
}

/** About `bytes` of nested tables (4 MB by default). */
export function nestedTables(bytes = 4_000_000): string {
  const depth = Math.floor(bytes / 36);
  return `<html><body>${"<table><tr><td>".repeat(depth)}ячейка${"</td></tr></table>".repeat(depth)}</body></html>`;
}

/** One line of Russian text, `bytes` long in UTF-8 (5 MB by default, just under the file limit). */
export function oneLine(bytes = 4_900_000): Uint8Array {
  const sentence = "Президент Казахстана встретился с послом Франции в Астане. ";
  return new Uint8Array(Buffer.from(sentence.repeat(Math.ceil(bytes / Buffer.byteLength(sentence)) + 1)).subarray(0, bytes));
}
