#!/usr/bin/env node
// Serves the production build with one Next server process per core when the database is
// a PostgreSQL server (`next start` is a single process: one core renders while the other
// idles). The embedded database belongs to one process, so PGlite gets one worker.
// Arguments are passed to `next start` (e.g. -p 3000 -H 127.0.0.1).
//
// The first worker starts alone: it migrates and seeds (instrumentation.ts) before the
// others start, so they find the schema current. Workers share the port through the
// cluster module; a worker that dies after start-up is replaced.
import cluster from "node:cluster";
import path from "node:path";
import { workerCount } from "./worker-count.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
// Our thin server around Next's handler (scripts/next-server.mjs): the client's address comes from the socket.
const serverScript = path.join(root, "scripts", "next-server.mjs");

const count = workerCount();
// A server render allocates a lot of short-lived objects; a larger young generation
// (64 MB semi-spaces instead of 16) cut scavenge time enough to serve 15–20 % more
// requests per second in the bench (docs/performance.md). NODE_OPTIONS can override it.
const youngGeneration = /max-semi-space-size/.test(process.env.NODE_OPTIONS ?? "") ? [] : ["--max-semi-space-size=64"];
cluster.setupPrimary({ exec: serverScript, args: process.argv.slice(2), execArgv: [...process.execArgv, ...youngGeneration] });

let stopping = false;
let started = 0;
const restarts = [];

function fork() {
  const worker = cluster.fork({ CHRONICLE_WORKER_INDEX: String(started++) });
  worker.once("listening", () => {
    if (started < count) fork();
  });
  worker.once("exit", (code, signal) => {
    if (stopping) return;
    // A worker that never listened failed at start-up (it printed why): stop, with its code.
    if (!worker.listening) {
      stopAll(code ?? 1);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && now - restarts[0] > 60_000) restarts.shift();
    if (restarts.length > 5) {
      console.error("Chronicle: server workers keep dying (more than 5 in a minute); stopping.");
      stopAll(1);
      return;
    }
    console.error(`Chronicle: a server worker stopped (${signal ?? `exit ${code}`}); starting a new one.`);
    started--;
    fork();
  });
  worker.on("listening", () => (worker.listening = true));
}

function stopAll(code) {
  stopping = true;
  const workers = Object.values(cluster.workers ?? {});
  if (!workers.length) process.exit(code);
  let left = workers.length;
  for (const w of workers) {
    w.once("exit", () => {
      if (--left === 0) process.exit(code);
    });
    w.process.kill("SIGTERM");
  }
  setTimeout(() => process.exit(code), 10_000).unref();
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));
if (count > 1) console.log(`Chronicle: ${count} server processes (CHRONICLE_WORKERS to change).`);
fork();
