// Auth.js endpoints (session, CSRF, sign-out, credentials callback); the check itself is lib/auth/session.ts.
import { handlers } from "@/lib/auth/config";

export const { GET, POST } = handlers;
