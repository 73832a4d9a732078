// Auth.js v5: Credentials against the users table, JWT sessions of 8 hours. The token
// carries only the user id and when they signed in; role and status are read fresh from
// the database by lib/auth/session.ts on every request.
import NextAuth, { CredentialsSignin } from "next-auth";
import { getDb } from "@/db/index";
import { endUserSessions } from "@/db/queries/users";
import Credentials from "next-auth/providers/credentials";
import { checkCredentials } from "./credentials";
import { clientAddress } from "./client-address";
import { proxyGate } from "./proxy-gate";
import { markRenewed } from "./proxy-session";
import { userOfClaim } from "./session";
import { ensureAuthSecret } from "./secret";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Thrown to the sign-in action; `code` is "invalid" or "locked:<ISO instant>". */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

// Local use behind no proxy: trust the Host header unless the operator says otherwise.
process.env.AUTH_TRUST_HOST ??= "true";

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  ensureAuthSecret();
  return {
    secret: process.env.AUTH_SECRET,
    trustHost: process.env.AUTH_TRUST_HOST !== "false",
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    // A refused sign-in is expected, not an error worth a stack trace in the log.
    logger: {
      error(error) {
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        console.error(error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const result = await checkCredentials(credentials, clientAddress(request.headers));
          if (result.ok) {
            return {
              id: String(result.user.id),
              email: result.user.email,
              name: result.user.name,
              signedInAt: result.signedInAt,
            };
          }
          throw new SignInRefused(result.reason === "locked" ? `locked:${result.retryAt.toISOString()}` : "invalid");
        },
      }),
    ],
    // Auth.js's own POST /api/auth/signout revokes on the server too, not only the cookie.
    events: {
      async signOut(message) {
        const userId = Number("token" in message ? message.token?.userId : undefined);
        if (Number.isInteger(userId) && userId > 0) await endUserSessions(getDb(), userId);
      },
    },
    callbacks: {
      // Only the proxy calls this, when a renewal is due (lib/auth/proxy-session.ts).
      authorized({ request, auth }) {
        const response = proxyGate(request, Boolean(auth));
        if (auth) markRenewed(response, request, SESSION_MAX_AGE_SECONDS);
        return response;
      },
      // On sign-in it stamps the token; on every later read (/api/auth/session, the proxy's
      // renewal) a session voided on the server (sign-out anywhere, password reset,
      // disabled) ends here too: null clears it instead of renewing it.
      async jwt({ token, user }) {
        if (user) {
          token.userId = Number(user.id);
          token.signedInAt = (user as { signedInAt?: number }).signedInAt ?? Date.now();
          return token;
        }
        const claim = { userId: Number(token.userId), signedInAt: Number(token.signedInAt) };
        if (!Number.isInteger(claim.userId) || !Number.isFinite(claim.signedInAt)) return null;
        return (await userOfClaim(claim)) ? token : null;
      },
      session({ session, token }) {
        return Object.assign(session, { userId: token.userId, signedInAt: token.signedInAt });
      },
    },
  };
});
