// Renewing the session on every page request costs a decryption and an encryption of the
// session token in the proxy: about 10 % of a page's server CPU under load. Sessions slide
// in steps instead: the proxy runs the full Auth.js check (which renews the token's
// expiry) when the last renewal is older than RENEW_EVERY_MS, and otherwise only looks
// whether a session cookie is there, to send anonymous visitors to /sign-in early.
// Nothing here grants access: requireRole in every page, route handler and action
// decrypts the token and checks the user in the database. A forged marker only delays a
// renewal; a forged session cookie is refused by requireRole.
import type { NextRequest, NextResponse } from "next/server";
import { isSessionCookieName } from "./session-cookie";

export const RENEWED_COOKIE = "chronicle.session-renewed";
export const RENEW_EVERY_MS = 5 * 60_000;

export function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => isSessionCookieName(c.name) && c.value.length > 0);
}

/** True when the session cookie should go through Auth.js now (renewal due, or no marker). */
export function renewalDue(request: NextRequest, now = Date.now()): boolean {
  const at = Number(request.cookies.get(RENEWED_COOKIE)?.value);
  if (!Number.isFinite(at) || at <= 0) return true;
  // A marker from the future is not believed.
  return now - at > RENEW_EVERY_MS || at > now + 60_000;
}

export function markRenewed(response: NextResponse, request: NextRequest, maxAgeSeconds: number, now = Date.now()): void {
  response.cookies.set(RENEWED_COOKIE, String(now), {
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/",
    maxAge: maxAgeSeconds,
  });
}
