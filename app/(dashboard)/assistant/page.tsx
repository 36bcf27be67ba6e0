import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requireSession } from "@/lib/auth";
import { env } from "@/lib/env";
import { AssistantPlayground, type ExamplePrompt } from "./assistant-client";

export const metadata: Metadata = { title: "Try the assistant" };

const examples: ExamplePrompt[] = [
  { lang: "nl", text: "Hebben jullie een automaat onder de 20.000 euro?" },
  { lang: "nb", text: "Har dere en elbil under 300 000 kr?" },
  { lang: "id", text: "Ada mobil matic di bawah 150 jt?" },
  { lang: "de", text: "Wann haben Sie am Samstag geöffnet?" },
  { lang: "en", text: "Can I test drive the Golf on Saturday?" },
];

export default async function AssistantPage() {
  const session = await requireSession();
  return (
    <section className="max-w-3xl">
      <PageHeader
        title="Try the assistant"
        description={`Write as a shopper would, in any language. The assistant answers from ${session.tenant.name}'s live stock exactly as on WhatsApp, but nothing is saved or sent.`}
        actions={hasRole(session.role, "manager") ? <Link href="/assistant/knowledge" className={buttonClass({ variant: "secondary", size: "sm" })}>Knowledge</Link> : null}
      />
      <AssistantPlayground examples={examples} claudeConfigured={env().modes.ai === "claude"} />
    </section>
  );
}
