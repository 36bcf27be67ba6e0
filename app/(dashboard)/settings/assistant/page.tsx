import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { plainWhatsApp } from "@/components/whatsapp-text";
import { phrasesFor } from "@/lib/assistant/replies/phrases";
import { langFromLocale, type Lang } from "@/lib/assistant/types";
import { requireSession } from "@/lib/auth";
import { loadAssistantSettings } from "@/lib/settings";
import { AssistantSettingsForm, type LanguageExamples } from "./assistant-form";

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
      <AssistantSettingsForm values={settings} dealerName={session.tenant.name} examples={languageExamples(langFromLocale(session.tenant.locale))} />
      <p className="mt-4 text-sm text-ink-muted">
        See the result under <a className="underline" href="/assistant">Try assistant</a>: it answers with these settings, without sending anything.
      </p>
    </div>
  );
}

const handoverExamples: Record<Lang, string[]> = {
  nl: ["klacht", "advocaat", "schade"], nb: ["klage", "advokat", "skade"], de: ["Beschwerde", "Anwalt", "Schaden"], en: ["complaint", "lawyer", "damage"], id: ["komplain", "pengacara", "rusak"],
};

function languageExamples(lang: Lang): LanguageExamples {
  const greeting = (tone: "friendly" | "formal") => plainWhatsApp(phrasesFor(lang, tone).greeting);
  return { greeting: { friendly: greeting("friendly"), formal: greeting("formal") }, handoverKeywords: handoverExamples[lang] };
}
