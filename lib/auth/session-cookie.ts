// Auth.js's session cookie: `__Secure-` prefixed behind https, split into `.0`, `.1`, …
// chunks when the token is long. The name is also the key-derivation salt of its token.
// Shared by the proxy (is there one?) and the session check (decode it); imports nothing,
// so the proxy bundle stays free of the database.
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** The chunk number when `name` is `<base>.<n>`, else null. */
export function chunkIndex(name: string, base: string): number | null {
  if (!name.startsWith(`${base}.`)) return null;
  const suffix = name.slice(base.length + 1);
  return /^\d+$/.test(suffix) ? Number(suffix) : null;
}

/** True for a session cookie's name, whole or one of its chunks. */
export function isSessionCookieName(name: string): boolean {
  return SESSION_COOKIE_NAMES.some((base) => name === base || chunkIndex(name, base) !== null);
}
