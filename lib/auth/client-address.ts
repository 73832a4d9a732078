// The client's address for per-address sign-in throttling. X-Forwarded-For can be
// written by the client, so only the entries added by our own proxies are trusted:
// CHRONICLE_TRUSTED_PROXIES (default 0: `next start` facing the network directly,
// whose own socket address Next puts last) says how many hops sit in front of the app.
export function clientAddress(headers: Headers): string | null {
  const hops = Math.max(0, Number(process.env.CHRONICLE_TRUSTED_PROXIES || 0) || 0);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const fromChain = chain[chain.length - 1 - hops] ?? chain[0];
  return fromChain || headers.get("x-real-ip") || null;
}
