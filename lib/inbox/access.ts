import type { Role } from "@/db/schema";
import { hasRole } from "@/lib/auth/roles";

export type Viewer = { userId: string; role: Role; name: string };

/** Whose lead it is: the lead's rep, else whoever took the conversation over. */
export function ownerOf(leadAssignee: string | null | undefined, conversationAssignee?: string | null): string | null {
  return leadAssignee ?? conversationAssignee ?? null;
}

/** Managers and up see everything; sales reps see their own leads and unassigned ones. */
export function canSee(viewer: Pick<Viewer, "userId" | "role">, owner: string | null): boolean {
  return hasRole(viewer.role, "manager") || owner === null || owner === viewer.userId;
}

export type Cursor = { at: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");
}

export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(at))) return null;
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}

/** "#a01", "A01" → "#A01"; null when the text cannot be a vehicle code. */
export function vehicleCodeFrom(q: string): string | null {
  const m = /^#?([a-z]{1,3}\d{1,5})$/i.exec(q.trim());
  return m ? `#${m[1].toUpperCase()}` : null;
}

/** Replaces {{1}}, {{2}} … in an approved template body with the given values. */
export function renderTemplate(body: string, values: string[]): string {
  return body.replace(/\{\{(\d+)\}\}/g, (whole, n: string) => values[Number(n) - 1] ?? whole);
}

export function placeholderCount(body: string): number {
  return Math.max(0, ...[...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1])));
}
