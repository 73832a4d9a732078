// The proxy only sends anonymous visitors of dashboard pages to /sign-in early and keeps
// sessions sliding; the real check is requireRole in every page, route handler and server
// action (lib/auth/session.ts). Auth.js (decrypt, renew, re-encrypt the session token)
// runs when a renewal is due; in between, a session cookie is enough to pass on
// (lib/auth/proxy-session.ts), which saves two token operations per page request.
import type { NextFetchEvent, NextRequest } from "next/server";
import { auth } from "@/lib/auth/config";
import { proxyGate } from "@/lib/auth/proxy-gate";
import { hasSessionCookie, renewalDue } from "@/lib/auth/proxy-session";

type Middleware = (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
const authJs = auth as unknown as Middleware;

export default function proxy(request: NextRequest, event: NextFetchEvent): Response | Promise<Response> {
  if (hasSessionCookie(request) && !renewalDue(request)) return proxyGate(request, true);
  return authJs(request, event);
}

export const config = {
  // Pages only: API routes answer 401/403 JSON themselves, and static files are public.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|ico|webp|css|js|map|txt)$).*)"],
};
