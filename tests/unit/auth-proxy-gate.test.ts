import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxyGate } from "@/lib/auth/proxy-gate";

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
