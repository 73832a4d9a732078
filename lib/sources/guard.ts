// A source URL must not become a way into the internal network. Only http(s); every
// address a host name resolves to is checked, and the connection is made to an address
// that passed (the checked lookup is handed to the socket, so no second DNS answer can
// swap in another: no DNS rebinding). Literal IP hosts are checked before connecting,
// and every redirect goes through the same checks. By default only public unicast
// addresses pass; CHRONICLE_SOURCES_ALLOW names ranges allowed all the same.
import dns from "node:dns";
import type { LookupAddress, LookupOptions } from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/config/env";

export class SourceRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceRefusal";
  }
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** "127.0.0.1/32, 10.0.0.0/8" → ranges; a malformed entry is an error naming it. */
export function parseAllowList(text: string): Range[] {
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      try {
        return entry.includes("/") ? ipaddr.parseCIDR(entry) : ([ipaddr.parse(entry), ipaddr.parse(entry).kind() === "ipv4" ? 32 : 128] as Range);
      } catch {
        throw new Error(`CHRONICLE_SOURCES_ALLOW: "${entry}" is not an address range (e.g. 127.0.0.1/32)`);
      }
    });
}

function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  // ::ffff:10.0.0.1 is 10.0.0.1
  return parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
}

/** null when the address may be reached, else why not ("loopback", "private", ...). */
export function addressProblem(address: string, allow: Range[] = parseAllowList(env.sourcesAllow)): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = normalise(address);
  } catch {
    return "not an IP address";
  }
  for (const [base, bits] of allow) {
    if (base.kind() === ip.kind() && ip.match([base, bits] as never)) return null;
  }
  const range = ip.range();
  return range === "unicast" ? null : range;
}

/** Only http(s) URLs; a literal IP host is checked here (the socket does no lookup for it). */
export function checkUrl(raw: string | URL): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SourceRefusal(`not a URL: ${String(raw).slice(0, 200)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SourceRefusal(`only http and https are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new SourceRefusal("URLs with a user name or password are not fetched");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host)) {
    const problem = addressProblem(host);
    if (problem) throw new SourceRefusal(`address ${host} is ${problem}; only public addresses are fetched (see CHRONICLE_SOURCES_ALLOW)`);
  }
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request: resolves, drops every address that may not be
 * reached, and refuses when none is left. The socket connects to what this returns.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
    if (error) return callback(error, "");
    const allow = parseAllowList(env.sourcesAllow);
    const passed = addresses.filter((a) => addressProblem(a.address, allow) === null);
    if (passed.length === 0) {
      const why = addresses.map((a) => `${a.address} (${addressProblem(a.address, allow)})`).join(", ");
      const refusal = new SourceRefusal(`${hostname} resolves only to addresses that are not fetched: ${why}`) as SourceRefusal & { code: string };
      refusal.code = "ESOURCEREFUSED";
      return callback(refusal, "");
    }
    if (options.all) return callback(null, passed);
    callback(null, passed[0].address, passed[0].family);
  });
}
