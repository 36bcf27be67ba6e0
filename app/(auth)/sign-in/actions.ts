"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { revokeSession, signInWithPassword, SESSION_COOKIE } from "@/lib/auth/local";
import { signInLimiter } from "@/lib/auth/limits";
import { safeReturnPath } from "@/lib/auth/return-to";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/security/abuse";
import { sessionCookieOptions } from "@/lib/security/cookies";

export type SignInState = { ok: false; error?: string; fieldErrors?: { email?: string; password?: string }; email?: string } | null;

const input = z.object({
  email: z.string().trim().email("Enter the e-mail address you sign in with."),
  password: z.string().min(1, "Enter your password."),
});

export async function signInAction(_prev: SignInState, form: FormData): Promise<SignInState> {
  const parsed = input.safeParse({ email: form.get("email"), password: form.get("password") });
  const email = String(form.get("email") ?? "");
  if (!parsed.success) {
    const fe = parsed.error.flatten().fieldErrors;
    return { ok: false, email, fieldErrors: { email: fe.email?.[0], password: fe.password?.[0] } };
  }
  const h = await headers();
  const limit = signInLimiter.check(clientIp(h));
  if (!limit.allowed) return { ok: false, email, error: `Too many sign-in attempts. Wait ${limit.retryAfterSeconds} second${limit.retryAfterSeconds === 1 ? "" : "s"} and try again.` };

  const result = await signInWithPassword(parsed.data.email, parsed.data.password, h.get("user-agent") ?? undefined);
  if (!result.ok) return { ok: false, email, error: result.error };
  const store = await cookies();
  const https = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  store.set(SESSION_COOKIE, result.token, sessionCookieOptions({ https, production: env().NODE_ENV === "production", host: h.get("host") ?? "", expires: result.expiresAt }));
  redirect(safeReturnPath(form.get("next")));
}

export async function signOutAction() {
  const store = await cookies();
  await revokeSession(store.get(SESSION_COOKIE)?.value);
  store.delete(SESSION_COOKIE);
  redirect("/sign-in");
}
