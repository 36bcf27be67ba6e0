import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/auth";
import { loadAssistantSettings } from "@/lib/settings";
import { AssistantSettingsForm } from "./assistant-form";

export const metadata: Metadata = { title: "Assistant settings" };

export default async function AssistantSettingsPage() {
  const session = await requireSession("manager");
  const settings = await loadAssistantSettings(session.tenant.id);
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm"><a className="underline" href="/settings">Settings</a> / Assistant</p>
      <PageHeader
        title="Assistant"
        description="How the WhatsApp assistant talks to shoppers, when it hands a conversation to your team, and who hears about new hot leads."
      />
      <AssistantSettingsForm values={settings} dealerName={session.tenant.name} />
      <p className="mt-4 text-sm text-ink-muted">
        See the result under <a className="underline" href="/assistant">Try assistant</a>: it answers with these settings, without sending anything.
      </p>
    </div>
  );
}
