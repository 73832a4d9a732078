// The authorisation matrix. Every page and layout, route handler and server action is
// FOUND by walking app/ and lib/ (so a new one cannot be forgotten: it fails
// here until it is listed in EXPECTED), then called directly — anonymously and as
// viewer, editor and admin — and must refuse exactly the callers below its minimum role:
//   pages     → redirect to /sign-in (anonymous) or /forbidden (role too low)
//   routes    → 401 / 403
//   actions   → { ok: false, message }
// A caller that may pass must not be refused. Every non-public entry must decide through
// requireRole (watched with setGateObserver) before anything else can fail.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { roleAtLeast, setGateObserver, type GateDecision, type Role } from "@/lib/auth/session";
import { actAs, actAsAnonymous, makeUser, resetSessionAfterEach } from "../helpers/auth-session";
import { testDbKinds, useTestDb } from "../helpers/test-db";

// Modules marked server-only refuse to load outside Next's server build.
vi.mock("server-only", () => ({}));
// next-auth's ESM build imports "next/server" in a way only Next's bundler resolves. The
// matrix never goes through Auth.js (the session comes from actAs), and its endpoints are
// public, so a shell that lets the modules load is enough.
vi.mock("next-auth", () => {
  const refuse = async () => new Response(null, { status: 404 });
  return {
    default: () => ({ handlers: { GET: refuse, POST: refuse }, auth: async () => null, signIn: async () => {}, signOut: async () => {} }),
    CredentialsSignin: class CredentialsSignin extends Error {},
  };
});
vi.mock("next-auth/providers/credentials", () => ({ default: (options: unknown) => options }));

type Expectation = "public" | Role;

/**
 * The least role each entry needs. "public" entries are not called: they are open by
 * design (sign-in, Auth.js endpoints, the health check, the error pages, the language cookie).
 * ADD NEW PAGES, ROUTES AND ACTIONS HERE.
 */
const EXPECTED: Record<string, Expectation> = {
  // pages and layouts
  "page app/layout.tsx": "public",
  "page app/(auth)/sign-in/page.tsx": "public",
  "page app/(auth)/forbidden/page.tsx": "public",
  "page app/(dashboard)/layout.tsx": "viewer",
  "page app/(dashboard)/page.tsx": "viewer",
  "page app/(dashboard)/articles/page.tsx": "viewer",
  "page app/(dashboard)/articles/[id]/page.tsx": "viewer",
  "page app/(dashboard)/ingest/page.tsx": "editor",
  "page app/(dashboard)/analytics/page.tsx": "viewer",
  "page app/(dashboard)/records/page.tsx": "viewer",
  "page app/(dashboard)/records/[id]/page.tsx": "viewer",
  "page app/(dashboard)/registries/page.tsx": "viewer",
  "page app/(dashboard)/registries/accuracy/page.tsx": "viewer",
  "page app/(dashboard)/registries/partners/page.tsx": "viewer",
  "page app/(dashboard)/registries/partners/[id]/page.tsx": "viewer",
  "page app/(dashboard)/registries/people/page.tsx": "viewer",
  "page app/(dashboard)/registries/people/[id]/page.tsx": "viewer",
  "page app/(dashboard)/registries/themes/page.tsx": "viewer",
  "page app/(dashboard)/registries/proposals/page.tsx": "editor",
  "page app/(dashboard)/admin/users/page.tsx": "admin",
  "page app/(dashboard)/admin/sources/page.tsx": "admin",
  "page app/(dashboard)/registries/layout.tsx": "viewer",
  // the record set (issue 17)
  "page app/(dashboard)/records/duplicates/page.tsx": "editor",
  "page app/(dashboard)/records/deleted/page.tsx": "admin",
  "page app/(dashboard)/records/merge/page.tsx": "editor",
  "page app/(dashboard)/records/[id]/split/page.tsx": "editor",
  "page app/(dashboard)/articles/[id]/add/page.tsx": "editor",
  // route handlers
  "GET app/api/auth/[...nextauth]/route.ts": "public",
  "POST app/api/auth/[...nextauth]/route.ts": "public",
  "GET app/api/health/route.ts": "public",
  "GET app/api/export/route.ts": "viewer",
  "GET app/api/partners/search/route.ts": "viewer",
  "POST app/api/ingest/route.ts": "editor",
  "GET app/api/ingest/[jobId]/route.ts": "editor",
  // server actions
  "action lib/actions/auth.ts#signInAction": "public",
  "action lib/actions/auth.ts#signOutAction": "public",
  "action lib/actions/locale.ts#setLocaleAction": "public",
  "action lib/actions/users.ts#createUserAction": "admin",
  "action lib/actions/users.ts#setUserRoleAction": "admin",
  "action lib/actions/users.ts#setUserDisabledAction": "admin",
  "action lib/actions/users.ts#resetUserPasswordAction": "admin",
  "action lib/actions/users.ts#clearSignInDelayAction": "admin",
  "action lib/actions/sources.ts#createSourceAction": "admin",
  "action lib/actions/sources.ts#updateSourceAction": "admin",
  "action lib/actions/sources.ts#setSourceActiveAction": "admin",
  "action lib/actions/sources.ts#deleteSourceAction": "admin",
  "action lib/actions/sources.ts#pollSourceNowAction": "admin",
  "action lib/actions/ingest.ts#ingestPastedTextAction": "editor",
  "action lib/actions/ingest.ts#reextractPendingAction": "admin",
  "action lib/actions/meetings.ts#saveRecordAction": "editor",
  "action lib/actions/meetings.ts#changeStatusAction": "editor",
  "action lib/actions/meetings.ts#bulkStatusAction": "editor",
  "action lib/actions/meetings.ts#undoBulkAction": "editor",
  "action lib/actions/meetings.ts#restoreAction": "editor",
  "action lib/actions/record-set.ts#mergeAction": "editor",
  "action lib/actions/record-set.ts#splitAction": "editor",
  "action lib/actions/record-set.ts#deleteRecordAction": "admin",
  "action lib/actions/record-set.ts#undoAction": "editor",
  "action lib/actions/record-set.ts#dismissAction": "editor",
  "action lib/actions/record-set.ts#addRecordAction": "editor",
  "action lib/actions/record-set.ts#suggestAction": "editor",
  // registries: editors propose aliases, admins change the registries
  "action lib/actions/registries.ts#proposePartnerAliasAction": "editor",
  "action lib/actions/registries.ts#proposePersonAliasAction": "editor",
  "action lib/actions/registries.ts#createPartnerAction": "admin",
  "action lib/actions/registries.ts#updatePartnerAction": "admin",
  "action lib/actions/registries.ts#addPartnerAliasAction": "admin",
  "action lib/actions/registries.ts#removePartnerAliasAction": "admin",
  "action lib/actions/registries.ts#mergePartnersAction": "admin",
  "action lib/actions/registries.ts#undoPartnerMergeAction": "admin",
  "action lib/actions/registries.ts#updatePersonAction": "admin",
  "action lib/actions/registries.ts#addPersonAliasAction": "admin",
  "action lib/actions/registries.ts#removePersonAliasAction": "admin",
  "action lib/actions/registries.ts#addPositionAction": "admin",
  "action lib/actions/registries.ts#updatePositionAction": "admin",
  "action lib/actions/registries.ts#removePositionAction": "admin",
  "action lib/actions/registries.ts#mergePeopleAction": "admin",
  "action lib/actions/registries.ts#undoPersonMergeAction": "admin",
  "action lib/actions/registries.ts#splitPersonAction": "admin",
  "action lib/actions/registries.ts#createThemeAction": "admin",
  "action lib/actions/registries.ts#renameThemeAction": "admin",
  "action lib/actions/registries.ts#retireThemeAction": "admin",
  "action lib/actions/registries.ts#mergeThemesAction": "admin",
  "action lib/actions/registries.ts#addKeywordAction": "admin",
  "action lib/actions/registries.ts#removeKeywordAction": "admin",
  "action lib/actions/registries.ts#decideProposalAction": "admin",
  "action lib/actions/registries.ts#previewProposalAction": "editor",
};

const ROOT = process.cwd();
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function walk(dir: string): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    return entry.isDirectory() ? walk(rel) : [rel];
  });
}

const isServerActionFile = (file: string) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(fs.readFileSync(path.join(ROOT, file), "utf8"));

type Entry = { key: string; kind: "page" | "route" | "action"; file: string; exportName: string };

async function discover(): Promise<Entry[]> {
  const entries: Entry[] = [];
  const appFiles = walk("app");
  for (const file of appFiles.filter((f) => /\/(page|layout)\.(tsx|ts|jsx|js)$/.test(f))) {
    entries.push({ key: `page ${file}`, kind: "page", file, exportName: "default" });
  }
  for (const file of appFiles.filter((f) => /\/route\.(ts|js)$/.test(f))) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] === "function") entries.push({ key: `${method} ${file}`, kind: "route", file, exportName: method });
    }
  }
  // A server action is an export of a "use server" module, wherever it lives (lib/actions by
  // convention); lib/actions' helpers (run-action.ts, result.ts) are plain modules.
  const actionFiles = [...walk("lib"), ...appFiles].filter((f) => /\.(ts|tsx)$/.test(f) && isServerActionFile(f));
  for (const file of actionFiles) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") entries.push({ key: `action ${file}#${name}`, kind: "action", file, exportName: name });
    }
  }
  return entries.sort((a, b) => a.key.localeCompare(b.key));
}

const entries = await discover();

/** Values for dynamic segments: [id] → "1", [...slug] → ["x"]. */
function paramsFor(file: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const m of file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[m[2].replace(/^\.\.\./, "")] = m[1] ? ["session"] : "1";
  return params;
}

function urlFor(file: string): string {
  const route = file
    .replace(/^app/, "")
    .replace(/\/(route|page|layout)\.\w+$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\[(\.\.\.)?([^\]]+)\]/g, (_m, dots) => (dots ? "session" : "1"));
  return `http://localhost${route || "/"}`;
}

async function invoke(entry: Entry): Promise<{ result?: unknown; thrown?: unknown }> {
  const mod = (await import(path.join(ROOT, entry.file))) as Record<string, (...args: unknown[]) => unknown>;
  const fn = mod[entry.exportName];
  const params = Promise.resolve(paramsFor(entry.file));
  const call = () => {
    if (entry.kind === "page") return fn({ params, searchParams: Promise.resolve({}), children: null });
    if (entry.kind === "route") {
      const hasBody = !["GET", "HEAD"].includes(entry.exportName);
      const request = new NextRequest(urlFor(entry.file), { method: entry.exportName, body: hasBody ? new FormData() : undefined });
      return fn(request, { params });
    }
    // Called directly, as a forged POST would: an empty form, in both common signatures.
    return fn(new FormData(), new FormData());
  };
  try {
    const result = await Promise.race([
      Promise.resolve().then(call),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 20 s")), 20_000)),
    ]);
    return { result };
  } catch (thrown) {
    return { thrown };
  }
}

type Outcome = "allowed" | "refused" | "ungated" | "refusal not passed on";

function classify(entry: Entry, decisions: GateDecision[], run: { result?: unknown; thrown?: unknown }): Outcome {
  if (decisions.length === 0) return "ungated";
  const denial = decisions.find((d) => d.outcome !== "allowed");
  if (!denial) return "allowed";
  if (entry.kind === "page") {
    const digest = String((run.thrown as { digest?: unknown } | undefined)?.digest ?? "");
    const target = digest.startsWith("NEXT_REDIRECT") ? digest.split(";")[2] : "";
    const ok = denial.outcome === "anonymous" ? target.startsWith("/sign-in") : target === "/forbidden";
    return ok ? "refused" : "refusal not passed on";
  }
  if (entry.kind === "route") {
    const status = run.result instanceof Response ? run.result.status : 0;
    return status === (denial.outcome === "anonymous" ? 401 : 403) ? "refused" : "refusal not passed on";
  }
  const r = run.result as { ok?: unknown; message?: unknown } | undefined;
  return r?.ok === false && typeof r.message === "string" && r.message.length > 0 ? "refused" : "refusal not passed on";
}

describe("authorisation matrix: discovery", () => {
  it("finds pages, route handlers and server actions", () => {
    expect(entries.filter((e) => e.kind === "page").length).toBeGreaterThan(3);
    expect(entries.filter((e) => e.kind === "route").length).toBeGreaterThan(1);
    expect(entries.filter((e) => e.kind === "action").length).toBeGreaterThan(3);
  });

  it("has an expectation for every page, route handler and server action (add new ones to EXPECTED)", () => {
    const unlisted = entries.map((e) => e.key).filter((k) => !(k in EXPECTED));
    expect(unlisted).toEqual([]);
  });

  it("lists nothing that no longer exists", () => {
    const found = new Set(entries.map((e) => e.key));
    expect(Object.keys(EXPECTED).filter((k) => !found.has(k))).toEqual([]);
  });
});

const callers = ["anonymous", "viewer", "editor", "admin"] as const;
const gated = entries.filter((e) => EXPECTED[e.key] !== undefined && EXPECTED[e.key] !== "public");

describe.each(testDbKinds())("authorisation matrix on %s", (kind) => {
  const t = useTestDb(kind);
  resetSessionAfterEach();
  afterEach(() => setGateObserver(null));

  it.each(gated.map((e) => [e.key, e] as const))("%s refuses exactly the callers below its role", async (_key, entry) => {
    const minimum = EXPECTED[entry.key] as Role;
    const ids: Record<Role, number> = {
      viewer: (await makeUser(t.db, "viewer")).id,
      editor: (await makeUser(t.db, "editor")).id,
      admin: (await makeUser(t.db, "admin")).id,
    };
    const seen: Record<string, Outcome> = {};
    const wanted: Record<string, Outcome> = {};
    for (const caller of callers) {
      if (caller === "anonymous") actAsAnonymous();
      else actAs(ids[caller]);
      const decisions: GateDecision[] = [];
      setGateObserver((d) => decisions.push(d));
      const run = await invoke(entry);
      setGateObserver(null);
      seen[caller] = classify(entry, decisions, run);
      wanted[caller] = caller !== "anonymous" && roleAtLeast(caller, minimum) ? "allowed" : "refused";
    }
    expect(seen).toEqual(wanted);
  });
});
