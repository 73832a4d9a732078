#!/usr/bin/env node
// `npm start`: builds the production app when the sources are newer than the last
// build, checks the port, then serves. The server itself migrates and seeds the
// database at start (instrumentation.ts) and prints the demo sign-in.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const port = Number(process.env.PORT || 3000);
const sources = ["app", "components", "lib", "db", "seed", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

function buildIsStale() {
  const stamp = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

function portIsFree(p) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(p);
  });
}

if (!(await portIsFree(port))) {
  console.error(`Chronicle cannot start: port ${port} is already in use; stop what uses it or set PORT to another port.`);
  process.exit(1);
}
if (buildIsStale()) {
  console.log("Building the production app (first start or changed sources)…");
  const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("Chronicle cannot start: the production build failed (see above).");
    process.exit(1);
  }
}
console.log(`Starting Chronicle on http://localhost:${port} (${process.env.DATABASE_URL ? "PostgreSQL from DATABASE_URL" : "embedded database"})…`);
const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), "-p", String(port)], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
