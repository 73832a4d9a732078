#!/usr/bin/env node
// Refreshes the README's pictures: runs the browser tests (which screenshot every main
// page) into a scratch folder and copies the ones the README shows into docs/screenshots/.
// The tests alone never write there, so running them leaves the checkout unchanged.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "chronicle-screenshots-"));
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const wanted = [...new Set([...readme.matchAll(/docs\/screenshots\/([\w-]+\.png)/g)].map((m) => m[1]))];

const run = spawnSync("npx", ["vitest", "run", "--project", "e2e", "tests/e2e/editor-day.test.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CHRONICLE_SCREENSHOT_DIR: scratch },
});
if (run.status !== 0) {
  console.error("The browser tests failed: docs/screenshots/ left as it was.");
  process.exit(1);
}
const missing = wanted.filter((name) => !fs.existsSync(path.join(scratch, name)));
if (missing.length) {
  console.error(`The README shows pictures no test takes: ${missing.join(", ")}`);
  process.exit(1);
}
fs.mkdirSync(path.join(root, "docs", "screenshots"), { recursive: true });
for (const name of wanted) fs.copyFileSync(path.join(scratch, name), path.join(root, "docs", "screenshots", name));
fs.rmSync(scratch, { recursive: true, force: true });
console.log(`docs/screenshots/: ${wanted.join(", ")} refreshed`);
