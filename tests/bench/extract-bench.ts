// `npm run bench:extract [-- COUNT]`: extraction throughput on one thread over a few thousand synthetic articles
// made from the bundled corpora (paragraphs reordered, dates and numbers shifted), reported apart from the
// one-off start-up (module loading, registry compilation, morphology dictionaries).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const COUNT = Number(process.argv[2] ?? 3000);
const CORPUS = join(import.meta.dirname, "..", "fixtures", "corpus");

interface Source {
  name: string;
  text: string;
  html: boolean;
}

function loadCorpus(): Source[] {
  const sources: Source[] = [];
  for (const dir of ["seeds", "dev", "factru-dev"]) {
    for (const file of readdirSync(join(CORPUS, dir)).filter((f) => /\.(txt|html)$/.test(f)).sort()) {
      const bytes = readFileSync(join(CORPUS, dir, file));
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder("windows-1251").decode(bytes);
      }
      sources.push({ name: `${dir}/${file}`, text, html: file.endsWith(".html") });
    }
  }
  return sources;
}

/** A deterministic variant: body paragraphs rotated, day numbers and other numbers shifted. */
function variant(source: Source, k: number): string {
  if (source.html) return source.text.replace(/\b(\d{1,2}) (января|февраля|марта|апреля|мая|июня)/g, (_, d, m) => `${((+d + k) % 28) + 1} ${m}`);
  const paragraphs = source.text.split(/\n\s*\n/);
  const head = paragraphs.slice(0, 3);
  const body = paragraphs.slice(3);
  const shift = body.length ? k % body.length : 0;
  const rotated = [...body.slice(shift), ...body.slice(0, shift)];
  return [...head, ...rotated]
    .join("\n\n")
    .replace(/\b(\d{1,2})(?= (?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря))/g, (d) => String(((+d + k) % 28) + 1))
    .replace(/\b(\d{3,})\b/g, (n) => String(+n + (k % 7)));
}

async function main(): Promise<void> {
  const sources = loadCorpus();
  const inputs = Array.from({ length: COUNT }, (_, k) => {
    const source = sources[k % sources.length];
    return { bytes: new TextEncoder().encode(variant(source, Math.floor(k / sources.length))), fileName: source.name };
  });
  const totalBytes = inputs.reduce((n, i) => n + i.bytes.length, 0);

  const t0 = performance.now();
  const { createExtractor } = await import("../../lib/extract");
  const extractor = createExtractor();
  // The first article pulls in what the stages load lazily (dictionaries); it belongs to start-up.
  extractor.extractText("Президент Казахстана Касым-Жомарт Токаев провел встречу с министром иностранных дел Японии.");
  const startup = performance.now() - t0;

  let events = 0;
  let people = 0;
  let failed = 0;
  const t1 = performance.now();
  const cpu1 = process.cpuUsage();
  for (const input of inputs) {
    try {
      const result = extractor.extractBytes(input.bytes, { fileName: input.fileName });
      for (const article of result.articles) {
        events += article.events.length;
        people += article.people.length;
      }
    } catch {
      failed++;
    }
  }
  const elapsed = (performance.now() - t1) / 1000;
  const cpuUsed = process.cpuUsage(cpu1);
  // On a shared machine wall time counts other people's work; the process's own CPU time does not.
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;

  console.log(`start-up (modules, registry, dictionaries): ${startup.toFixed(0)} ms`);
  console.log(`articles: ${COUNT} (${(totalBytes / 1024 / 1024).toFixed(1)} MB) from ${sources.length} corpus files, ${failed} refused`);
  console.log(`extraction: ${elapsed.toFixed(2)} s wall on one thread, ${(COUNT / elapsed).toFixed(0)} articles/s, ${((totalBytes / 1024) / elapsed).toFixed(0)} KB/s`);
  console.log(`extraction CPU time: ${cpu.toFixed(2)} s, ${(COUNT / cpu).toFixed(0)} articles/s of CPU (includes GC threads)`);
  console.log(`found: ${events} events, ${people} people`);
}

await main();
