// Sends anonymous visitors of dashboard pages to sign in. This is a convenience, not
// the check: every page, route handler and server action calls requireRole itself
// (lib/auth/session.ts), which also refuses disabled users and voided sessions.
import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/config";

const PUBLIC_PAGES = ["/sign-in", "/forbidden"];

export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!request.auth && !isPublic) {
    const target = new URL("/sign-in", request.nextUrl.origin);
    if (pathname !== "/") target.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(target);
  }
  // Lets requireRolePage send a visitor whose session was voided back to where they were.
  const headers = new Headers(request.headers);
  headers.set("x-chronicle-path", `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
});

export const config = {
  // Pages only: API routes answer 401/403 JSON themselves, and static files are public.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|ico|webp|css|js|map|txt)$).*)"],
};
