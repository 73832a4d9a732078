// Issue 16 over HTTP against the production build: nasty files uploaded while another
// client loads pages (items 1), Auth.js's own sign-out revokes (4), cross-origin posts
// to route handlers are refused (5).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nastyTable, nastyUpload } from "../bench/nasty-bench";
import { signInOverHttp } from "../helpers/sign-in-fetch";
import { buildIfStale, startServer, users, type RunningServer } from "./support/server";

let server: RunningServer;

beforeAll(async () => {
  buildIfStale();
  server = await startServer();
}, 900_000);

afterAll(async () => {
  await server?.stop();
});

function uploadBody(files: { name: string; body: Uint8Array | string }[]): FormData {
  const form = new FormData();
  for (const f of files) form.append("files", new File([f.body as BlobPart], f.name));
  return form;
}

describe("hardening over HTTP", () => {
  it("refuses an upload another site's page posts, accepts the app's own", async () => {
    const cookie = await signInOverHttp(server.baseUrl, users.editor.email, users.editor.password);
    const post = (headers: Record<string, string>) =>
      fetch(`${server.baseUrl}/api/ingest`, { method: "POST", headers: { cookie, ...headers }, body: uploadBody([{ name: "a.txt", body: "Тест" }]) });
    const evil = await post({ origin: "http://evil.example" });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as { error: string }).error).toMatch(/another site/);
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await post({ origin: server.baseUrl, "sec-fetch-site": "same-origin" })).status).toBe(202);
  });

  it("settles 100,000 nested divs, 5 MB on one line and 4 MB of nested tables while pages keep loading", async () => {
    const cookie = await signInOverHttp(server.baseUrl, users.editor.email, users.editor.password);
    const result = await nastyUpload(server.baseUrl, cookie);
    console.log(nastyTable(result).join("\n"));
    expect(Object.keys(result.settledMs).sort()).toEqual(["nested-divs.html", "nested-tables.html", "one-line.txt"]);
    // Generous bounds for a busy machine: each file within 30 s of the previous one settling, pages within 3 s.
    expect(Math.max(...Object.values(result.settledMs))).toBeLessThan(3 * 30_000);
    expect(result.outcomes["one-line.txt"]).toMatch(/longer than 10 s and was stopped/);
    expect(result.pageLoads).toBeGreaterThan(5);
    expect(result.pageMax).toBeLessThan(3_000);
  }, 240_000);

  it("Auth.js's own POST /api/auth/signout ends the session on the server: a copied cookie no longer works", async () => {
    const cookie = await signInOverHttp(server.baseUrl, users.editor.email, users.editor.password);
    const session = async () => (await (await fetch(`${server.baseUrl}/api/auth/session`, { headers: { cookie } })).json()) as { user?: unknown } | null;
    expect((await session())?.user).toBeTruthy();
    const csrf = await fetch(`${server.baseUrl}/api/auth/csrf`, { headers: { cookie } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const out = await fetch(`${server.baseUrl}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: [cookie, csrfCookie].filter(Boolean).join("; "), "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl },
      body: new URLSearchParams({ csrfToken, callbackUrl: server.baseUrl }),
    });
    expect(out.status).toBeLessThan(400);
    // The old cookie, replayed: no session, no export.
    expect((await session())?.user).toBeFalsy();
    expect((await fetch(`${server.baseUrl}/api/export?format=csv`, { headers: { cookie } })).status).toBe(401);
  }, 60_000);
});

describe("the client's address comes from the socket (scripts/next-server.mjs)", () => {
  it("a client naming its own X-Forwarded-For still meets the per-address limit", async () => {
    // 20 wrong passwords for 20 different accounts, each claiming another address: the
    // per-address limit (20) must still be reached, because the claim is ignored.
    let last: Response | null = null;
    for (let i = 0; i < 21; i++) {
      const csrf = await fetch(`${server.baseUrl}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      last = await fetch(`${server.baseUrl}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "),
          "x-forwarded-for": `203.0.113.${i}`,
        },
        body: new URLSearchParams({ csrfToken, email: `nobody${i}@example.kz`, password: "wrong-Password-1" }),
      });
    }
    expect(last!.headers.get("location")).toMatch(/code=locked/);
  }, 120_000);
});
