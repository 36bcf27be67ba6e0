import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSession } from "@/lib/auth";
import { InboxFrame } from "../inbox-frame";
import { parseInboxParams } from "../filters";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const raw = await searchParams;
  const params = parseInboxParams(raw);
  const notice = raw.notice === "erased"
    ? <p role="status" className="m-3 rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 md:mx-0 md:mt-0">The contact was erased: their personal data, messages and attachments are gone.</p>
    : null;
  return (
    <InboxFrame session={session} params={params} notice={notice}>
      <div className="flex h-full items-center justify-center">
        <EmptyState icon="message" title="Choose a conversation" text="The timeline, the lead card and the reply box open here." />
      </div>
    </InboxFrame>
  );
}
