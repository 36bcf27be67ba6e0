import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { env } from "@/lib/env";
import { sessionFromToken, SESSION_COOKIE } from "./local";
import { sessionFromClerkClaims, type ClerkClaims } from "./clerk";
import { hasRole } from "./roles";
import { REQUESTED_PATH_HEADER, signInPathFor } from "./return-to";
import type { Session } from "./types";

/** The one way the rest of the code learns who is asking: user, dealership and role. */
export async function getSession(): Promise<Session | null> {
  if (env().modes.auth === "clerk") {
    const { auth } = await import("@clerk/nextjs/server");
    const { sessionClaims } = await auth();
    return sessionClaims ? sessionFromClerkClaims(sessionClaims as unknown as ClerkClaims) : null;
  }
  const store = await cookies();
  return sessionFromToken(store.get(SESSION_COOKIE)?.value);
}

/** For pages: signed-out users go to sign-in, users below `minimum` get the 403 page. */
export async function requireSession(minimum: Role = "sales"): Promise<Session> {
  const session = await getSession();
  // Back to the page asked for after signing in: a rep's WhatsApp alert links straight to a conversation.
  if (!session) redirect(signInPathFor((await headers()).get(REQUESTED_PATH_HEADER)));
  if (!hasRole(session.role, minimum)) forbidden();
  return session;
}

export type Denied = { ok: false; error: string; fieldErrors?: Record<string, string> };

/** For server actions and route handlers: a typed refusal instead of a redirect. */
export async function authorize(minimum: Role = "sales"): Promise<{ ok: true; session: Session } | Denied> {
  const session = await getSession();
  if (!session) return { ok: false, error: "Your session has ended. Sign in again." };
  if (!hasRole(session.role, minimum)) return { ok: false, error: "Your role does not allow this." };
  return { ok: true, session };
}
