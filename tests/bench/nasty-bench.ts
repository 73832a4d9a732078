// Issue 16's stall test as figures: the three nasty files uploaded while one client loads
// the review queue page back to back; page times during the upload, each file's time to
// settle (stored or refused), and `npm run extract` on the nested file. Part of
// `npm run bench`; tests/e2e/hardening.test.ts runs it too and prints the table.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nestedDivs, nestedTables, oneLine } from "../helpers/nasty-files";

export interface NastyResult {
  pageLoads: number;
  pageP95: number;
  pageMax: number;
  settledMs: Record<string, number>;
  outcomes: Record<string, string>;
  extractCliMs: number;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))] ?? NaN;

export async function nastyUpload(base: string, cookie: string, pagePath = "/records"): Promise<NastyResult> {
  const files = { "nested-divs.html": nestedDivs(), "one-line.txt": oneLine(), "nested-tables.html": nestedTables() };
  const form = new FormData();
  for (const [name, body] of Object.entries(files)) form.append("files", new File([body as BlobPart], name));
  const started = performance.now();
  const response = await fetch(`${base}/api/ingest`, { method: "POST", headers: { cookie, origin: base }, body: form });
  if (response.status !== 202) throw new Error(`upload answered ${response.status}`);
  const { jobId } = (await response.json()) as { jobId: number };
  const times: number[] = [];
  let done = false;
  const reader = (async () => {
    while (!done) {
      const t0 = performance.now();
      await (await fetch(base + pagePath, { headers: { cookie } })).text();
      times.push(performance.now() - t0);
    }
  })();
  const settledMs: Record<string, number> = {};
  const outcomes: Record<string, string> = {};
  while (Object.keys(settledMs).length < 3 && performance.now() - started < 180_000) {
    const view = (await (await fetch(`${base}/api/ingest/${jobId}`, { headers: { cookie } })).json()) as {
      items: { fileName: string; status: string; message: string | null }[];
    };
    for (const item of view.items) {
      if (item.fileName in settledMs || item.status === "queued" || item.status === "processing") continue;
      settledMs[item.fileName] = performance.now() - started;
      outcomes[item.fileName] = item.status === "refused" ? `refused: ${item.message}` : item.status;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  done = true;
  await reader;
  const file = path.join(os.tmpdir(), `chronicle-nested-${process.pid}.html`);
  fs.writeFileSync(file, files["nested-divs.html"]);
  const t0 = performance.now();
  execFileSync(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["lib/extract/cli.ts", file], { stdio: "ignore" });
  const extractCliMs = performance.now() - t0;
  fs.rmSync(file, { force: true });
  return { pageLoads: times.length, pageP95: percentile(times, 0.95), pageMax: Math.max(...times), settledMs, outcomes, extractCliMs };
}

export function nastyTable(r: NastyResult): string[] {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    "| Nasty upload (issue 16), while a client loads the queue page | figure | target |",
    "|---|---:|---|",
    `| page loads during the upload | ${r.pageLoads} | |`,
    `| page p95 / slowest | ${Math.round(r.pageP95)} / ${Math.round(r.pageMax)} ms | p95 < 1 s ${r.pageP95 < 1000 ? "✓" : "✗"} |`,
    ...Object.entries(r.settledMs).map(([name, ms]) => `| ${name} settled (${r.outcomes[name].slice(0, 40)}) | ${s(ms)} after upload | |`),
    `| \`npm run extract\` on 100,000 nested divs (process start included) | ${s(r.extractCliMs)} | < 5 s ${r.extractCliMs < 5000 ? "✓" : "✗"} |`,
  ];
}
