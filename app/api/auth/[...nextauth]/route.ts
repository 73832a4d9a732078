// Auth.js endpoints (session, CSRF, sign-out, credentials callback); the check itself is lib/auth/session.ts.
import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { crossOriginRefusal } from "@/lib/auth/same-origin";

export const { GET } = handlers;

// Auth.js checks its CSRF token on POST; another site's page is refused before that too.
export function POST(request: NextRequest): Response | Promise<Response> {
  return crossOriginRefusal(request) ?? handlers.POST(request);
}
