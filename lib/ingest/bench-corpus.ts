// Writes N distinct articles for measuring `npm run ingest`, made by varying the
// bundled and test articles: numbers, dates and first names change from copy to copy,
// so every copy has its own content hash.
//   npx tsx lib/ingest/bench-corpus.ts OUT_DIR [N=3000]
import fs from "node:fs";
import path from "node:path";

const FIRST_NAMES = ["Айдар", "Ерлан", "Нурлан", "Дмитрий", "Алексей", "Марат", "Серик", "Бахыт", "Асель", "Гульнара"];

function sources(): string[] {
  const dirs = [path.join(process.cwd(), "seed", "articles"), path.join(process.cwd(), "tests", "fixtures", "corpus", "dev")];
  return dirs.flatMap((d) =>
    fs.existsSync(d)
      ? fs
          .readdirSync(d)
          .filter((f) => /\.(txt|html?)$/.test(f) && !f.includes("-kk"))
          .map((f) => path.join(d, f))
      : [],
  );
}

function vary(text: string, copy: number): string {
  let n = 0;
  const varied = text
    .replace(/\d+/g, (digits) => {
      n++;
      const v = Number(digits);
      // Days stay days, months months and years years, so dates remain real dates.
      const value =
        v >= 1 && v <= 12 ? ((v - 1 + copy) % 12) + 1
        : v >= 13 && v <= 31 ? 13 + ((v - 13 + copy) % 16)
        : v >= 1990 && v <= 2030 ? 2000 + ((v - 2000 + copy) % 26 + 26) % 26
        : (v + copy + n) % 10 ** digits.length;
      return String(value).padStart(digits.length, "0");
    })
    .replace(new RegExp(`\\b(${FIRST_NAMES.join("|")})\\b`, "g"), (name) => FIRST_NAMES[(FIRST_NAMES.indexOf(name) + copy) % FIRST_NAMES.length]);
  return `${varied}\n\nВыпуск ${copy + 1}.`;
}

function main(): void {
  const [out, count = "3000"] = process.argv.slice(2);
  if (!out) throw new Error("usage: npx tsx lib/ingest/bench-corpus.ts OUT_DIR [N]");
  fs.mkdirSync(out, { recursive: true });
  const files = sources();
  const total = Number(count);
  for (let i = 0; i < total; i++) {
    const source = files[i % files.length];
    const decoded = /d011_/.test(source) ? new TextDecoder("windows-1251").decode(fs.readFileSync(source)) : fs.readFileSync(source, "utf8");
    const ext = path.extname(source);
    fs.writeFileSync(path.join(out, `${String(i).padStart(5, "0")}_${path.basename(source, ext)}${ext}`), vary(decoded, Math.floor(i / files.length)));
  }
  console.log(`${total} articles from ${files.length} sources in ${out}`);
}

main();
