import { eq } from "drizzle-orm";
import { getSystemDb } from "@/db/client";
import { withTenant } from "@/db/tenant";
import { ensureDefaultTemplates } from "@/lib/templates/defaults";
import { branches, channels, memberships, tenants, users, type ChannelProviderName, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/crypto/secrets";
import type { NewTenant, Tenant } from "./index";

export type StaffInput = { email: string; name: string; role: Role; password?: string; whatsapp?: string | null; onDuty?: boolean };
export type ChannelInput = {
  provider: ChannelProviderName;
  name: string;
  externalId: string;
  displayPhone?: string | null;
  baseUrl?: string | null;
  credentials?: Record<string, string> | null;
  webhookSecret?: string | null;
};

export type Provisioned = {
  tenant: Tenant;
  staff: Record<string, { id: string; email: string; name: string; role: Role }>;
  channels: Record<string, { id: string; provider: ChannelProviderName; externalId: string }>;
  branchId: string;
};

/**
 * Creates a dealership with its staff, default branch and channels — the path both the demo seed
 * and the tests use. `feedSecret` is stored encrypted.
 */
export async function provisionTenant(input: {
  tenant: NewTenant;
  feedSecret?: string;
  inboundEmailToken?: string;
  staff: StaffInput[];
  channels?: ChannelInput[];
}): Promise<Provisioned> {
  const db = await getSystemDb();
  const [tenant] = await db
    .insert(tenants)
    .values({
      ...input.tenant,
      feedSecretEnc: input.feedSecret ? encryptSecret(input.feedSecret) : null,
      inboundEmailTokenEnc: input.inboundEmailToken ? encryptSecret(input.inboundEmailToken) : null,
    })
    .returning();

  const staff: Provisioned["staff"] = {};
  for (const s of input.staff) {
    const email = s.email.toLowerCase();
    let [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
    if (!user) {
      [user] = await db
        .insert(users)
        .values({ email, name: s.name, whatsapp: s.whatsapp ?? null, passwordHash: s.password ? await hashPassword(s.password) : null })
        .returning();
    }
    staff[email] = { id: user.id, email, name: user.name, role: s.role };
  }

  return withTenant(tenant.id, async (tx) => {
    for (const s of input.staff) {
      await tx.insert(memberships).values({ tenantId: tenant.id, userId: staff[s.email.toLowerCase()].id, role: s.role, onDuty: s.onDuty ?? s.role === "sales" });
    }
    const [branch] = await tx
      .insert(branches)
      .values({ tenantId: tenant.id, name: tenant.name, phone: tenant.phone, address: tenant.address, geo: tenant.geo, businessHours: tenant.businessHours, isDefault: true })
      .returning();
    const created: Provisioned["channels"] = {};
    for (const c of input.channels ?? []) {
      const [row] = await tx
        .insert(channels)
        .values({
          tenantId: tenant.id, provider: c.provider, name: c.name, externalId: c.externalId, displayPhone: c.displayPhone ?? null,
          baseUrl: c.baseUrl ?? null,
          credentialsEnc: c.credentials ? encryptSecret(JSON.stringify(c.credentials)) : null,
          webhookSecretEnc: c.webhookSecret ? encryptSecret(c.webhookSecret) : null,
          status: c.credentials ? "connected" : "disconnected",
        })
        .returning();
      created[`${c.provider}:${c.externalId}`] = { id: row.id, provider: row.provider, externalId: row.externalId };
    }
    await ensureDefaultTemplates(tx, tenant.id);
    return { tenant, staff, channels: created, branchId: branch.id };
  });
}
