// What the proxy does with a page request (Auth.js calls this as its `authorized`
// callback): anonymous visitors of dashboard pages go to /sign-in; everyone else
// passes, with the requested path attached so requireRolePage can send a visitor
// whose session was voided back to it after signing in. Not the check: requireRole is.
import { NextResponse, type NextRequest } from "next/server";
import { withTransportSecurity } from "./transport-security";

const PUBLIC_PAGES = ["/sign-in", "/forbidden"];

export function proxyGate(request: NextRequest, signedIn: boolean): NextResponse {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  // A server action is answered by the action itself (its role gate says "sign in again"
  // and the form keeps its draft); a redirect would only break the page that posted it.
  const isAction = request.method === "POST" && request.headers.has("next-action");
  if (!signedIn && !isPublic && !isAction) {
    const target = new URL("/sign-in", request.nextUrl.origin);
    if (pathname !== "/") target.searchParams.set("callbackUrl", `${pathname}${search}`);
    return withTransportSecurity(NextResponse.redirect(target));
  }
  const headers = new Headers(request.headers);
  headers.set("x-chronicle-path", `${pathname}${search}`);
  return withTransportSecurity(NextResponse.next({ request: { headers } }));
}
