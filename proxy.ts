// The Auth.js `auth` function as the proxy: it reads the session cookie and calls the
// `authorized` callback (lib/auth/proxy-gate.ts), which only sends anonymous visitors of
// dashboard pages to /sign-in. The real check is requireRole in every page, route
// handler and server action (lib/auth/session.ts).
import { auth } from "@/lib/auth/config";

export default auth;

export const config = {
  // Pages only: API routes answer 401/403 JSON themselves, and static files are public.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:png|jpg|jpeg|svg|ico|webp|css|js|map|txt)$).*)"],
};
