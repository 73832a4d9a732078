// `npm start` on a PostgreSQL server: scripts/serve.mjs runs one Next process per worker,
// replaces one that dies, and the read caches of every process follow the database (an
// approval written by anyone shows in the queue's counts on the next request, whichever
// process answers it). Runs where a test server is configured (TEST_DATABASE_URL, as in CI).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInOverHttp } from "../helpers/sign-in-fetch";
import { buildIfStale, startServer, until, users, type RunningServer } from "./support/server";

const base = process.env.TEST_DATABASE_URL;

function children(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** The number on the queue's status tab, as rendered. */
function tabCount(html: string, status: string): number {
  const stripped = html.replace(/ class="[^"]*"/g, "");
  const m = stripped.match(new RegExp(`href="/records\\?status=${status}"[^>]*>[^<]*<span[^>]*>([^<]+)</span>`));
  if (!m) throw new Error(`no ${status} tab count in the queue page`);
  return Number(m[1].replace(/\D/g, ""));
}

describe.runIf(Boolean(base))("npm start on a PostgreSQL server (scripts/serve.mjs)", () => {
  const name = `chronicle_e2e_${randomBytes(5).toString("hex")}`;
  let url = "";
  let server: RunningServer;

  beforeAll(async () => {
    buildIfStale();
    const admin = postgres(base!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const u = new URL(base!);
    u.pathname = `/${name}`;
    url = u.toString();
    server = await startServer({ databaseUrl: url, workers: 2 });
  });

  afterAll(async () => {
    await server?.stop();
    const admin = postgres(base!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it("runs two server processes and replaces one that dies", async () => {
    const first = await until("two workers", async () => (children(server.pid).length === 2 ? children(server.pid) : undefined), 60_000);
    process.kill(first[0], "SIGKILL");
    const after = await until(
      "a replacement worker",
      async () => {
        const now = children(server.pid);
        return now.length === 2 && !now.includes(first[0]) ? now : undefined;
      },
      60_000,
    );
    expect(after).toContain(first[1]);
    await until("health after the restart", async () => ((await fetch(`${server.baseUrl}/api/health`)).ok ? true : undefined), 60_000);
    expect(server.log()).toContain("starting a new one");
  });

  it("shows a change written by anyone in every process's cached counts at the next request", async () => {
    const cookie = await signInOverHttp(server.baseUrl, users.editor.email, users.editor.password);
    const counts = async () => {
      // Several requests, so both processes answer some of them (the cluster deals them round-robin).
      const pages = await Promise.all(
        Array.from({ length: 6 }, () => fetch(`${server.baseUrl}/records?status=pending`, { headers: { cookie } }).then((r) => r.text())),
      );
      return pages.map((html) => ({ pending: tabCount(html, "pending"), approved: tabCount(html, "approved") }));
    };
    const before = await counts();
    expect(new Set(before.map((c) => `${c.pending}/${c.approved}`)).size).toBe(1);
    expect(before[0].pending).toBeGreaterThan(0);

    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql`update meetings set status = 'approved' where id = (select min(id) from meetings where status = 'pending')`;
    } finally {
      await sql.end();
    }
    const after = await counts();
    for (const c of after) expect(c).toEqual({ pending: before[0].pending - 1, approved: before[0].approved + 1 });
  });
});
