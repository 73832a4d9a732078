/**
 * Who is calling, and may they? Every page, route handler and server action calls one
 * of these FIRST. The user's role, `disabled` and `sessionsValidAfter` are read fresh
 * from the users table on every call, so disabling a user, changing a role or resetting
 * a password takes effect at the next request (the proxy only redirects anonymous
 * visitors; it is not the check).
 *
 * Pages (server components):
 *   const user = await requireRolePage("editor");
 *   // anonymous → redirect("/sign-in?callbackUrl=…"); wrong role → redirect("/forbidden")
 *   // Call it in every page.tsx, not only in the layout: layouts are not re-run on
 *   // client-side navigation, and the authz matrix test calls each page on its own.
 *
 * Route handlers:
 *   const user = await requireRoleApi("viewer");
 *   if (user instanceof Response) return user;   // 401 / 403 JSON { error }
 *
 * Server actions (return a result object, never throw at the form):
 *   const gate = await requireRoleAction("admin");
 *   if (!gate.ok) return gate;                   // { ok: false, message } (localised)
 *   gate.user.id …
 *
 * Lower level: getSessionUser() → SessionUser | null; requireRole(min) → SessionUser or
 * throws AccessDeniedError { reason: "anonymous" | "forbidden" }.
 *
 * Tests: setSessionResolver(() => ({ userId, signedInAt })) replaces Auth.js as the source
 * of "who signed in" (the users-table checks still run); setSessionResolver(null) restores it.
 * tests/helpers/auth-session.ts wraps it: makeUser(db, role), actAs(id), actAsAnonymous().
 * setGateObserver lets tests/integration/authz-matrix.test.ts see every decision.
 *
 * No "server-only" import: the CLI and the tests import this module.
 */
import { eq } from "drizzle-orm";
import { cache as perRequest } from "react";
import { getDb } from "@/db/index";
import { users, type Role } from "@/db/schema";
import { chunkIndex, SESSION_COOKIE_NAMES } from "./session-cookie";

export type { Role };

export interface SessionUser {
  id: number;
  email: string;
  name: string | null;
  role: Role;
}

/** What a session token proves: which user signed in, and when (ms since epoch, database clock). */
export interface SessionClaim {
  userId: number;
  signedInAt: number;
}

export type SessionResolver = () => Promise<SessionClaim | null> | SessionClaim | null;

const rank: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export const roles: readonly Role[] = ["viewer", "editor", "admin"];

/** True when `role` is at least `minimum` in viewer < editor < admin. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}

export class AccessDeniedError extends Error {
  constructor(
    readonly reason: "anonymous" | "forbidden",
    readonly minimum: Role,
  ) {
    super(reason === "anonymous" ? "Sign-in required" : `Requires role ${minimum} or higher`);
    this.name = "AccessDeniedError";
  }
}

// The resolver lives on globalThis so that every bundle Next builds of this module,
// and the test that installs one, share it.
const store = globalThis as unknown as { __chronicleSessionResolver?: SessionResolver | null };

/** Test seam: replace how the signed-in claim is read (null restores Auth.js). */
export function setSessionResolver(resolver: SessionResolver | null): void {
  store.__chronicleSessionResolver = resolver;
}


type CookieJar = { get(name: string): { value: string } | undefined; getAll(): { name: string; value: string }[] };

/** The token under `name`, joined from Auth.js's chunks (`name.0`, `name.1`, …) when it was split. */
function readToken(jar: CookieJar, name: string): string | undefined {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .map((c) => ({ at: chunkIndex(c.name, name), value: c.value }))
    .filter((c): c is { at: number; value: string } => c.at !== null)
    .sort((a, b) => a.at - b.at);
  return chunks.length ? chunks.map((c) => c.value).join("") : undefined;
}

/**
 * Reads the claim straight from the session cookie with Auth.js's own decoder (decrypts
 * and checks expiry). Calling auth() here would also re-encrypt a renewed token that a
 * server component cannot even set: twice the cryptography for nothing. The proxy renews
 * sessions (lib/auth/proxy-session.ts).
 */
async function authJsClaim(): Promise<SessionClaim | null> {
  // Loaded lazily so that tests and CLI commands that install a resolver never load next-auth.
  const [{ cookies }, { ensureAuthSecret }] = await Promise.all([import("next/headers"), import("./secret")]);
  ensureAuthSecret();
  return claimFromCookies(await cookies(), process.env.AUTH_SECRET!);
}

/** The claim of a valid Auth.js session token in `jar`, or null. */
export async function claimFromCookies(jar: CookieJar, secret: string): Promise<SessionClaim | null> {
  const { decode } = await import("next-auth/jwt");
  for (const name of SESSION_COOKIE_NAMES) {
    const token = readToken(jar, name);
    if (!token) continue;
    let payload: Record<string, unknown> | null = null;
    try {
      payload = await decode({ token, secret, salt: name });
    } catch {
      return null; // tampered with, expired, or issued under another secret
    }
    const userId = Number(payload?.userId);
    const signedInAt = Number(payload?.signedInAt);
    if (!Number.isInteger(userId) || userId <= 0 || !Number.isFinite(signedInAt)) return null;
    return { userId, signedInAt };
  }
  return null;
}

async function currentClaim(): Promise<SessionClaim | null> {
  const resolver = store.__chronicleSessionResolver;
  return resolver ? await resolver() : await authJsClaim();
}

/**
 * The signed-in user as the users table says now, or null (anonymous, disabled, or session
 * voided). Read once per server request: the layout and the page both ask, and each answer
 * costs a token decryption and a query.
 */
export const getSessionUser: () => Promise<SessionUser | null> = perRequest(readSessionUser);

async function readSessionUser(): Promise<SessionUser | null> {
  const claim = await currentClaim();
  if (!claim) return null;
  return userOfClaim(claim);
}

/** The user a claim stands for, or null when the account is gone, disabled or the session was voided. */
export async function userOfClaim(claim: SessionClaim): Promise<SessionUser | null> {
  const [row] = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      sessionsValidAfter: users.sessionsValidAfter,
    })
    .from(users)
    .where(eq(users.id, claim.userId));
  if (!row || row.disabled) return null;
  // Sessions issued before the last password reset / role change / disable are void.
  if (claim.signedInAt < row.sessionsValidAfter.getTime()) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export type GateDecision = { minimum: Role; outcome: "allowed" | "anonymous" | "forbidden" };
const observers = globalThis as unknown as { __chronicleGateObserver?: ((d: GateDecision) => void) | null };

/** Test seam: the authz matrix watches every decision requireRole makes (null stops watching). */
export function setGateObserver(observer: ((decision: GateDecision) => void) | null): void {
  observers.__chronicleGateObserver = observer;
}

/** The signed-in user with at least `minimum`, or throws AccessDeniedError. */
export async function requireRole(minimum: Role): Promise<SessionUser> {
  const user = await getSessionUser();
  const outcome = !user ? "anonymous" : roleAtLeast(user.role, minimum) ? "allowed" : "forbidden";
  observers.__chronicleGateObserver?.({ minimum, outcome });
  if (outcome !== "allowed") throw new AccessDeniedError(outcome, minimum);
  return user!;
}

async function currentPath(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    const h = await headers();
    const path = h.get("x-chronicle-path");
    return path && path.startsWith("/") && !path.startsWith("//") ? path : null;
  } catch {
    return null;
  }
}

/** For pages: the user, or a redirect to /sign-in (anonymous) or /forbidden (wrong role). */
export async function requireRolePage(minimum: Role): Promise<SessionUser> {
  try {
    return await requireRole(minimum);
  } catch (error) {
    if (!(error instanceof AccessDeniedError)) throw error;
    const { redirect } = await import("next/navigation");
    if (error.reason === "forbidden") return redirect("/forbidden");
    const back = await currentPath();
    return redirect(back && back !== "/" ? `/sign-in?callbackUrl=${encodeURIComponent(back)}` : "/sign-in");
  }
}

/** For route handlers: the user, or a 401/403 JSON response to return as is. */
export async function requireRoleApi(minimum: Role): Promise<SessionUser | Response> {
  try {
    return await requireRole(minimum);
  } catch (error) {
    if (!(error instanceof AccessDeniedError)) throw error;
    const status = error.reason === "anonymous" ? 401 : 403;
    const message = error.reason === "anonymous" ? "Sign-in required" : `Requires role ${minimum} or higher`;
    return Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });
  }
}

/** `signedOut`: no session at all (the form offers to sign in again and keeps its draft). */
export type ActionDenied = { ok: false; message: string; signedOut?: true };
export type ActionGate = { ok: true; user: SessionUser } | ActionDenied;

const deniedText = {
  ru: { anonymous: "Войдите, чтобы продолжить.", forbidden: "У вас нет прав на это действие." },
  en: { anonymous: "Please sign in to continue.", forbidden: "You do not have permission to do this." },
} as const;

async function currentLocale(): Promise<"ru" | "en"> {
  try {
    const { cookies } = await import("next/headers");
    const { localeCookie } = await import("@/lib/i18n/config");
    return (await cookies()).get(localeCookie)?.value === "en" ? "en" : "ru";
  } catch {
    return "ru";
  }
}

/** For server actions: { ok: true, user } or { ok: false, message } to return as the action's result. */
export async function requireRoleAction(minimum: Role): Promise<ActionGate> {
  try {
    return { ok: true, user: await requireRole(minimum) };
  } catch (error) {
    if (!(error instanceof AccessDeniedError)) throw error;
    const message = deniedText[await currentLocale()][error.reason];
    return error.reason === "anonymous" ? { ok: false, message, signedOut: true } : { ok: false, message };
  }
}
