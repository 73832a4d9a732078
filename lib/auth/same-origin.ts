// Route handlers that change something refuse requests another site's page made (CSRF):
// browsers send Sec-Fetch-Site and, on a POST, Origin. Server actions have Next's own
// check; this is the same for route handlers. A request with neither header did not come
// from a browser page (curl, the CLI), so no one's cookies were borrowed.
export function crossOriginRefusal(request: Request): Response | null {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return refuse();
  const origin = request.headers.get("origin");
  if (!origin) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return refuse();
  }
  const allowed = new Set<string>();
  const own = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (own) allowed.add(own.split(",")[0].trim());
  if (process.env.AUTH_URL) {
    try {
      allowed.add(new URL(process.env.AUTH_URL).host);
    } catch {
      // an unusable AUTH_URL is reported at start; it allows nothing here
    }
  }
  return allowed.has(host) ? null : refuse();
}

function refuse(): Response {
  return Response.json(
    { error: "This request came from another site and was refused; use Chronicle's own page." },
    { status: 403, headers: { "Cache-Control": "no-store" } },
  );
}
