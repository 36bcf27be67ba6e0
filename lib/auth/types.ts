import type { Role } from "@/db/schema";
import type { Tenant } from "@/lib/tenancy";

export type SessionUser = { id: string; email: string; name: string };
export type Session = { user: SessionUser; tenant: Tenant; role: Role; via: "local" | "clerk" };
