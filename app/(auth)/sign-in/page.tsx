import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth";
import { env } from "@/lib/env";
import { safeReturnPath } from "@/lib/auth/return-to";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false, follow: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await getSession()) redirect(next);
  const clerk = env().modes.auth === "clerk";
  const ClerkSignIn = clerk ? (await import("@clerk/nextjs")).SignIn : null;
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 px-4">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-2xl font-bold tracking-tight text-slate-900">Forecourt</p>
        {ClerkSignIn ? (
          <ClerkSignIn />
        ) : (
          <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h1 className="mb-1 text-lg font-semibold">Sign in to your dealership</h1>
            <p className="mb-5 text-sm text-slate-600">Use the e-mail and password your manager set up for you.</p>
            <SignInForm next={next} />
          </div>
        )}
      </div>
    </main>
  );
}
