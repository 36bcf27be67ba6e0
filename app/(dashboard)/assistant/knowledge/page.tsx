import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { langFromLocale, languageNames, type Lang } from "@/lib/assistant/types";
import { requireSession } from "@/lib/auth";
import { listKnowledgeEntries, MAX_KNOWLEDGE_BODY } from "@/lib/knowledge";
import { deleteKnowledgeEntryAction } from "./actions";
import { EntryForm, NewEntry, type Suggestion } from "./knowledge-client";
import { topicNames } from "./labels";

export const metadata: Metadata = { title: "Assistant knowledge" };

const suggestions: Suggestion[] = [
  { topic: "warranty", title: "Warranty", hint: "How long, what it covers, where repairs are done." },
  { topic: "trade_in", title: "Trade-in", hint: "Which cars you take in and what the shopper should send for a valuation." },
  { topic: "financing", title: "Financing partners", hint: "Which banks or lease companies you work with." },
  { topic: "delivery", title: "Delivery", hint: "Whether you deliver, how far, and what it costs." },
  { topic: "documents", title: "Documents needed", hint: "What to bring when buying: ID, proof of address…" },
  { topic: "opening", title: "Holiday opening", hint: "Closed days and changed hours around holidays." },
];

export default async function KnowledgePage() {
  const session = await requireSession("manager");
  const entries = await listKnowledgeEntries(session.tenant.id);
  const defaultLanguage = langFromLocale(session.tenant.locale);
  const covered = new Set(entries.map((e) => e.topic));
  return (
    <section className="max-w-3xl space-y-6">
      <PageHeader
        title="Assistant knowledge"
        description="Short answers the assistant gives shoppers about your policies. It quotes them as written, in the shopper's language when you wrote one, and never makes up terms you did not give it."
        actions={<Link href="/assistant" className={buttonClass({ variant: "secondary", size: "sm" })}>Try the assistant</Link>}
      />
      <Card title="Entries" description={`${entries.length} ${entries.length === 1 ? "entry" : "entries"}`} padding="none">
        {entries.length === 0 ? (
          <EmptyState
            icon="sparkles"
            title="The assistant knows nothing about your policies yet"
            text="Start with what shoppers ask most: warranty, trade-in, financing partners, delivery, documents needed and holiday opening. Write one entry per language you serve."
          />
        ) : (
          <ul className="divide-y divide-line">
            {entries.map((e) => (
              <li key={e.id} className="px-4 py-3 sm:px-5">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-ink">{e.title}</span>
                  <Badge tone="info">{languageNames[e.language as Lang] ?? e.language}</Badge>
                  <Badge>{topicNames[e.topic] ?? e.topic}</Badge>
                </div>
                <p className="mt-1 whitespace-pre-line text-sm text-ink-muted">{e.body}</p>
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand-ink">Edit</summary>
                  <div className="mt-3 space-y-3">
                    <EntryForm maxBody={MAX_KNOWLEDGE_BODY} values={{ id: e.id, language: e.language, topic: e.topic, title: e.title, body: e.body }} />
                    <form action={deleteKnowledgeEntryAction}>
                      <input type="hidden" name="id" value={e.id} />
                      <button className={buttonClass({ variant: "danger", size: "sm" })}>Delete entry</button>
                    </form>
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="New entry" description="One topic, one language, a few sentences.">
        <NewEntry defaultLanguage={defaultLanguage} maxBody={MAX_KNOWLEDGE_BODY} suggestions={suggestions.filter((s) => !covered.has(s.topic))} />
      </Card>
    </section>
  );
}
