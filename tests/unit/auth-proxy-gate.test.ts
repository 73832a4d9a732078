import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxyGate } from "@/lib/auth/proxy-gate";
import { hasSessionCookie, markRenewed, RENEW_EVERY_MS, RENEWED_COOKIE, renewalDue } from "@/lib/auth/proxy-session";

const get = (path: string) => new NextRequest(`http://localhost:3000${path}`);

describe("proxy gate", () => {
  it("sends an anonymous visitor of a dashboard page to sign in, remembering where they were going", () => {
    const res = proxyGate(get("/records?status=pending"), false);
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get("location")!);
    expect(to.pathname).toBe("/sign-in");
    expect(to.searchParams.get("callbackUrl")).toBe("/records?status=pending");
    expect(new URL(proxyGate(get("/"), false).headers.get("location")!).search).toBe("");
  });

  it("lets a server action through to answer for itself (the action's own gate says: sign in again)", () => {
    const action = new NextRequest("http://localhost:3000/records/5", { method: "POST", headers: { "next-action": "abc123" } });
    expect(proxyGate(action, false).headers.get("location")).toBeNull();
    // an ordinary POST to a page is still sent to sign in
    expect(proxyGate(new NextRequest("http://localhost:3000/records/5", { method: "POST" }), false).status).toBe(307);
  });

  it("lets anonymous visitors reach the sign-in and 403 pages", () => {
    for (const path of ["/sign-in", "/sign-in?callbackUrl=%2Frecords", "/forbidden"]) {
      expect(proxyGate(get(path), false).headers.get("location")).toBeNull();
    }
  });

  it("lets signed-in visitors through, passing the path on for requireRolePage", () => {
    const res = proxyGate(get("/admin/users"), true);
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("x-middleware-request-x-chronicle-path")).toBe("/admin/users");
  });
});

describe("proxy session renewal", () => {
  const withCookies = (cookies: Record<string, string>) =>
    new NextRequest("http://localhost:3000/records", { headers: { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join("; ") } });
  const now = 1_800_000_000_000;

  it("sees a session cookie under either Auth.js name, and not an empty or unrelated one", () => {
    expect(hasSessionCookie(withCookies({ "authjs.session-token": "x" }))).toBe(true);
    expect(hasSessionCookie(withCookies({ "__Secure-authjs.session-token": "x" }))).toBe(true);
    expect(hasSessionCookie(withCookies({ "authjs.session-token.0": "x" }))).toBe(true);
    expect(hasSessionCookie(withCookies({ "authjs.session-token": "" }))).toBe(false);
    expect(hasSessionCookie(withCookies({ "authjs.callback-url": "x", other: "y" }))).toBe(false);
  });

  it("asks for a renewal without a marker, with a stale or a future one, and not within the window", () => {
    expect(renewalDue(withCookies({}), now)).toBe(true);
    expect(renewalDue(withCookies({ [RENEWED_COOKIE]: "garbage" }), now)).toBe(true);
    expect(renewalDue(withCookies({ [RENEWED_COOKIE]: String(now - RENEW_EVERY_MS - 1) }), now)).toBe(true);
    expect(renewalDue(withCookies({ [RENEWED_COOKIE]: String(now + 3_600_000) }), now)).toBe(true);
    expect(renewalDue(withCookies({ [RENEWED_COOKIE]: String(now - 1000) }), now)).toBe(false);
  });

  it("marks a renewal with an HttpOnly cookie, Secure over https", () => {
    const res = proxyGate(get("/records"), true);
    markRenewed(res, get("/records"), 3600, now);
    const set = res.headers.get("set-cookie")!;
    expect(set).toContain(`${RENEWED_COOKIE}=${now}`);
    expect(set.toLowerCase()).toContain("httponly");
    expect(set.toLowerCase()).not.toContain("secure");
    const https = new NextRequest("https://chronicle.example/records");
    const res2 = proxyGate(https, true);
    markRenewed(res2, https, 3600, now);
    expect(res2.headers.get("set-cookie")!.toLowerCase()).toContain("secure");
  });
});

describe("HSTS decided at run time (issue 16 item 8)", () => {
  it("is sent when the running server's AUTH_URL is https:, whatever the build saw, and not otherwise", () => {
    const saved = process.env.AUTH_URL;
    try {
      process.env.AUTH_URL = "https://chronicle.example.kz";
      const request = new NextRequest("https://chronicle.example.kz/records");
      expect(proxyGate(request, true).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      expect(proxyGate(request, false).headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      process.env.AUTH_URL = "http://localhost:3000";
      expect(proxyGate(new NextRequest("http://localhost:3000/records"), true).headers.get("strict-transport-security")).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.AUTH_URL;
      else process.env.AUTH_URL = saved;
    }
  });
});
