// The client's address for the per-address sign-in limit. `npm start` serves through
// scripts/next-server.mjs, which rewrites X-Forwarded-For from the socket: with no trusted
// proxy (CHRONICLE_TRUSTED_PROXIES=0) it holds only the socket's address; with N proxies,
// what they appended followed by the socket's address (the innermost proxy). The entry
// the outermost proxy appended is the client. The per-account limit does not depend on this.
export function clientAddress(headers: Headers): string | null {
  const hops = Math.max(0, Number(process.env.CHRONICLE_TRUSTED_PROXIES || 0) || 0);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // The last entry is the socket's; before it, each trusted proxy appended one: the
  // outermost one's entry, `hops` from the end, is the client.
  const fromChain = chain[Math.max(0, chain.length - 1 - hops)];
  return (fromChain || headers.get("x-real-ip") || null)?.slice(0, 64) ?? null;
}
