// Signing in over plain HTTP as a browser would, for tools that then replay the cookie
// (the bench's load generators, the server-process test): the Auth.js credentials flow
// (csrf token, then the callback), then a first page visit, whose cookies a browser keeps
// too (the renewed session and its renewal marker, lib/auth/proxy-session.ts).
// Returns the Cookie header.
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const r = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }),
  });
  keep(r);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (HTTP ${r.status}, ${r.headers.get("location")})`);
  keep(await fetch(`${baseUrl}/`, { headers: { cookie: cookie() }, redirect: "manual" }));
  return cookie();
}
