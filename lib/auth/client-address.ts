// The client's address for the per-address sign-in limit. Next fills X-Forwarded-For
// with the socket address only when the request carries none, so a client talking to
// `next start` directly can name any address it likes: the per-address limit is only
// as good as the reverse proxy in front (which must append to X-Forwarded-For).
// CHRONICLE_TRUSTED_PROXIES says how many such proxies there are; the entry the
// outermost one appended is the address. The per-account limit does not depend on this.
export function clientAddress(headers: Headers): string | null {
  const hops = Math.max(0, Number(process.env.CHRONICLE_TRUSTED_PROXIES || 0) || 0);
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // With N trusted proxies the last N entries are theirs to vouch for; the one before
  // the innermost is what the outermost proxy saw. With none, the last entry is the best guess.
  const fromChain = chain[Math.max(0, chain.length - Math.max(1, hops))];
  return (fromChain || headers.get("x-real-ip") || null)?.slice(0, 64) ?? null;
}
