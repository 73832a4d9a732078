// The headers next.config.ts sends with every response (checked over HTTP against the
// production server by the README's start command too).
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

async function headersFor(): Promise<Record<string, string>> {
  const rules = (await nextConfig.headers?.()) ?? [];
  const all = rules.find((r) => r.source === "/:path*");
  expect(all, "a rule covering every path").toBeDefined();
  return Object.fromEntries(all!.headers.map((h) => [h.key.toLowerCase(), h.value]));
}

describe("security headers", () => {
  it("send a Content-Security-Policy that forbids framing, foreign scripts, plugins and foreign form targets", async () => {
    const csp = (await headersFor())["content-security-policy"];
    const directives = Object.fromEntries(
      csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
    );
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    expect(directives["form-action"]).toEqual(["'self'"]);
    expect(directives["base-uri"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["img-src"]).toEqual(["'self'", "data:"]);
    expect(directives["script-src"]).toContain("'self'");
    expect(directives["script-src"].filter((s: string) => !s.startsWith("'"))).toEqual([]);
  });

  it("send nosniff, a strict referrer policy and deny framing for old browsers", async () => {
    const h = await headersFor();
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
  });
});
