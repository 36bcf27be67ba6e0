import { NextResponse } from "next/server";
import { getSession } from "@/lib/auth";
import { inboxChangedSince } from "@/lib/inbox/query";

export const dynamic = "force-dynamic";

/** Polled by the inbox every few seconds: has anything the viewer may see changed since `since`? */
export async function GET(request: Request) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: "Sign in again." }, { status: 401 });
  const url = new URL(request.url);
  const since = new Date(url.searchParams.get("since") ?? "");
  if (Number.isNaN(since.getTime())) return NextResponse.json({ error: "since must be an ISO date" }, { status: 400 });
  const open = url.searchParams.get("c");
  const now = new Date().toISOString();
  const changed = await inboxChangedSince(session.tenant.id, { userId: session.user.id, role: session.role }, since, open && /^[0-9a-f-]{36}$/i.test(open) ? open : null);
  return NextResponse.json({ changed, now }, { headers: { "cache-control": "no-store" } });
}
