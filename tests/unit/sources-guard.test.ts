// The address guard and the parsers of polled sources, without a network.
import { afterEach, describe, expect, it } from "vitest";
import { addressProblem, checkUrl, guardedLookup, parseAllowList, SourceRefusal } from "@/lib/sources/guard";
import { parseListing, parseXmlSource, patternMatcher } from "@/lib/sources/parse";
import { parseInterval, createSourceSchema } from "@/lib/validations/sources";

const saved = process.env.CHRONICLE_SOURCES_ALLOW;
afterEach(() => {
  if (saved === undefined) delete process.env.CHRONICLE_SOURCES_ALLOW;
  else process.env.CHRONICLE_SOURCES_ALLOW = saved;
});

describe("address guard", () => {
  it("refuses loopback, private, link-local, metadata, unique-local and mapped addresses by default", () => {
    for (const ip of ["127.0.0.1", "127.0.0.2", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1"]) {
      expect(addressProblem(ip, []), ip).not.toBeNull();
    }
    for (const ip of ["8.8.8.8", "2.135.0.1", "2a00:1450:4001::1"]) expect(addressProblem(ip, []), ip).toBeNull();
  });

  it("CHRONICLE_SOURCES_ALLOW allows exactly the ranges it names", () => {
    const allow = parseAllowList("127.0.0.1/32");
    expect(addressProblem("127.0.0.1", allow)).toBeNull();
    expect(addressProblem("127.0.0.2", allow)).toBe("loopback");
    expect(addressProblem("10.0.0.1", parseAllowList("10.0.0.0/8, 192.168.0.0/16"))).toBeNull();
    expect(() => parseAllowList("not-a-range")).toThrow(/CHRONICLE_SOURCES_ALLOW: "not-a-range"/);
  });

  it("only http(s), no credentials, and literal addresses checked before connecting", () => {
    process.env.CHRONICLE_SOURCES_ALLOW = "127.0.0.1/32";
    expect(() => checkUrl("file:///etc/passwd")).toThrow(/only http and https/);
    expect(() => checkUrl("ftp://example.kz/x")).toThrow(/only http and https/);
    expect(() => checkUrl("http://u:p@example.kz/")).toThrow(/user name or password/);
    expect(() => checkUrl("http://127.0.0.2:8080/")).toThrow(/127\.0\.0\.2 is loopback/);
    expect(() => checkUrl("http://[::1]/")).toThrow(/::1 is loopback/);
    expect(checkUrl("http://127.0.0.1:8080/x").host).toBe("127.0.0.1:8080");
  });

  it("the lookup the socket uses drops refused addresses and refuses a name with none left", async () => {
    delete process.env.CHRONICLE_SOURCES_ALLOW;
    const refused = await new Promise<unknown>((resolve) => guardedLookup("localhost", { all: true }, (error) => resolve(error)));
    expect(refused).toBeInstanceOf(SourceRefusal);
    expect(String((refused as Error).message)).toMatch(/localhost resolves only to addresses that are not fetched/);
    process.env.CHRONICLE_SOURCES_ALLOW = "127.0.0.1/32";
    const addresses = await new Promise<unknown>((resolve) => guardedLookup("localhost", { all: true }, (_e, a) => resolve(a)));
    expect(addresses).toEqual([{ address: "127.0.0.1", family: 4 }]);
  });
});

describe("source parsing", () => {
  it("RSS keeps the source's own calendar day; Atom and sitemaps their dates", () => {
    const rss = `<rss version="2.0"><channel><item><link>https://a.kz/1</link><pubDate>Tue, 08 Dec 2026 01:00:00 +0600</pubDate></item><item><guid>https://a.kz/2</guid></item></channel></rss>`;
    expect(parseXmlSource(rss, "https://a.kz/rss")).toEqual([
      { url: "https://a.kz/1", date: "2026-12-08" },
      { url: "https://a.kz/2", date: null },
    ]);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="alternate" href="/n/1"/><published>2026-12-01T10:00:00+05:00</published></entry></feed>`;
    expect(parseXmlSource(atom, "https://b.kz/feed")).toEqual([{ url: "https://b.kz/n/1", date: "2026-12-01" }]);
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://d.kz/"><title>D</title></channel><item rdf:about="https://d.kz/n/7"><title>t</title><link>https://d.kz/n/7</link><dc:date>2026-11-30T08:00:00+05:00</dc:date></item></rdf:RDF>`;
    expect(parseXmlSource(rdf, "https://d.kz/rss")).toEqual([{ url: "https://d.kz/n/7", date: "2026-11-30" }]);
    expect(parseXmlSource(`<rss><channel><item><link>https://e.kz/?a=1&amp;b=2</link></item></channel></rss>`, "https://e.kz/")[0].url).toBe("https://e.kz/?a=1&b=2");
    expect(() => parseXmlSource("<sitemapindex><sitemap><loc>x</loc></sitemap></sitemapindex>", "https://c.kz/")).toThrow(/sitemap index/);
    expect(() => parseXmlSource("<html><body>", "https://c.kz/")).toThrow(/not well-formed XML/);
    expect(() => parseXmlSource("<rss>&amp;</rss><!-- --><x", "https://c.kz/")).toThrow(SourceRefusal);
  });

  it("a listing keeps the links of its own site that match the pattern", () => {
    const html = `<a href="/ru/news/1">1</a><a href="/ru/news/1#top">1 again</a><a href="/ru/about">about</a><a href="https://other.kz/ru/news/2">other</a><a href="javascript:x()">js</a>`;
    expect(parseListing(html, "https://www.akorda.kz/ru/news", "/ru/news/*").map((l) => l.url)).toEqual(["https://www.akorda.kz/ru/news/1"]);
    expect(patternMatcher("https://akorda.kz/ru/*")(new URL("https://akorda.kz/ru/x"))).toBe(true);
    expect(patternMatcher("/ru/(a+)+$")(new URL("https://a.kz/ru/(a+)+$"))).toBe(true);
  });

  it("validates what an admin enters", () => {
    expect(parseInterval("30m")).toBe(30);
    expect(parseInterval("2h")).toBe(120);
    expect(parseInterval("1d")).toBe(1440);
    expect(parseInterval("soon")).toBeNull();
    const ok = createSourceSchema.safeParse({ name: "Акорда", url: "https://www.akorda.kz/ru/rss", kind: "feed", intervalMinutes: "30m" });
    expect(ok.success && ok.data.intervalMinutes).toBe(30);
    const bad = createSourceSchema.safeParse({ name: "", url: "ftp://x", kind: "listing", intervalMinutes: "1m" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(paths).toEqual(expect.arrayContaining(["name:name", "url:url", "intervalMinutes:interval_range"]));
    const stars = createSourceSchema.safeParse({ name: "x", url: "https://a.kz/", kind: "listing", linkPattern: "/*a*a*a*a*a*b", intervalMinutes: 30 });
    expect(stars.error?.issues.map((i) => i.message)).toEqual(["pattern_wildcards"]);
  });
});
