import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { SIGN_IN_POSTS_PER_MINUTE } from "@/lib/security/abuse";
import { useTestDatabase } from "../../helpers/db";
import { createTestTenant } from "../../helpers/factory";
import { requestContext } from "./sweep/request-context";

vi.mock("server-only", () => ({}));
vi.mock("next/headers", async () => (await import("./sweep/request-context")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("./sweep/request-context")).nextCacheMock);

useTestDatabase();

const retryAfter = (res: Response) => Number(res.headers.get("retry-after"));

describe("abuse limits", () => {
  let t: Awaited<ReturnType<typeof createTestTenant>>;
  beforeAll(async () => {
    t = await createTestTenant();
  });

  it("the website form allows a person a few submissions per address, then 429 with Retry-After; other addresses go on", async () => {
    const { POST } = await import("@/app/api/webhooks/forms/[tenantSlug]/route");
    const post = (ip: string, i: number) =>
      POST(new Request(`http://${env().ROOT_DOMAIN}/api/webhooks/forms/${t.tenant.slug}`, {
        method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": ip },
        body: JSON.stringify({ name: `Jan ${i}`, phone: `+3161234${String(i).padStart(4, "0")}` }),
      }), { params: Promise.resolve({ tenantSlug: t.tenant.slug }) });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 12; i++) statuses.push((last = await post("203.0.113.7", i)).status);
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(retryAfter(last!)).toBeGreaterThan(0);
    expect(((await last!.json()) as { error: string }).error.length).toBeGreaterThan(5);
    expect((await post("203.0.113.8", 99)).status).toBe(201);
    // A client that makes up earlier hops is still counted by the hop our proxy wrote.
    expect((await post("10.9.8.7, 203.0.113.7", 100)).status).toBe(429);
  });

  it("sign-in form posts over the per-address budget are answered 429 with Retry-After before reaching the action", async () => {
    const { proxy } = await import("@/proxy");
    const signInPost = (ip: string) => new NextRequest(`http://${env().ROOT_DOMAIN}/sign-in`, { method: "POST", headers: { host: env().ROOT_DOMAIN, "x-forwarded-for": ip, "next-action": "x" } });
    const event = {} as never;
    for (let i = 0; i < SIGN_IN_POSTS_PER_MINUTE; i++) expect((await proxy(signInPost("198.51.100.1"), event)).status).not.toBe(429);
    const refused = await proxy(signInPost("198.51.100.1"), event);
    expect(refused.status).toBe(429);
    expect(retryAfter(refused)).toBeGreaterThan(0);
    expect(refused.headers.get("content-security-policy")).toBeTruthy();
    expect((await proxy(signInPost("198.51.100.2"), event)).status).not.toBe(429);
    const page = new NextRequest(`http://${env().ROOT_DOMAIN}/sign-in`, { headers: { host: env().ROOT_DOMAIN, "x-forwarded-for": "198.51.100.1" } });
    expect((await proxy(page, event)).status).not.toBe(429);
  });

  it("the sign-in action itself refuses a burst from one address with a clear message, and locks an account after 5 failures", async () => {
    const { signInAction } = await import("@/app/(auth)/sign-in/actions");
    const attempt = (ip: string, email: string) => {
      requestContext.headers = new Headers({ host: env().ROOT_DOMAIN, "x-forwarded-for": ip });
      const form = new FormData();
      form.set("email", email);
      form.set("password", "wrong-password");
      return signInAction(null, form);
    };
    const errors: string[] = [];
    for (let i = 0; i < 21; i++) errors.push((await attempt("192.0.2.50", `nobody${i}@test.local`))?.error ?? "");
    expect(errors.at(-1)).toMatch(/Too many sign-in attempts\. Wait \d+ seconds/);
    for (let i = 0; i < 5; i++) await attempt(`192.0.2.${60 + i}`, t.manager.email);
    expect((await attempt("192.0.2.99", t.manager.email))?.error).toMatch(/Too many failed attempts/);
  });

  it("the dealer API answers 429 with Retry-After past 120 requests a minute per key", async () => {
    const { createApiKey } = await import("@/lib/api/keys");
    const key = await createApiKey({ tenantId: t.tenant.id, userId: t.owner.id, role: "owner" }, { name: "burst", scope: "read" });
    if (!key.ok) throw new Error(key.error);
    const { GET } = await import("@/app/api/v1/vehicles/route");
    const call = () => GET(new Request(`http://${env().ROOT_DOMAIN}/api/v1/vehicles?limit=1`, { headers: { authorization: `Bearer ${key.data.key}` } }));
    for (let i = 0; i < 120; i++) expect((await call()).status).toBe(200);
    const limited = await call();
    expect(limited.status).toBe(429);
    expect(retryAfter(limited)).toBeGreaterThan(0);
  });
});
