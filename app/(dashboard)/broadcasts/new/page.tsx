import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/auth";
import { langFromLocale } from "@/lib/assistant/types";
import { listTemplateChoices } from "@/lib/broadcasts";
import { BroadcastForm } from "./broadcast-form";

export const metadata: Metadata = { title: "New broadcast" };

export default async function NewBroadcastPage() {
  const session = await requireSession("manager");
  const templates = await listTemplateChoices(session.tenant.id, langFromLocale(session.tenant.locale));
  return (
    <section className="max-w-3xl">
      <PageHeader title="New broadcast" description="Pick a template and who should get it, preview the messages, then send now or schedule." />
      <BroadcastForm templates={templates} timeZone={session.tenant.timeZone} />
    </section>
  );
}
