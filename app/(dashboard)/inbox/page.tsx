import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { requireSession } from "@/lib/auth";
import { InboxFrame } from "./inbox-frame";
import { parseInboxParams } from "./filters";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireSession();
  const params = parseInboxParams(await searchParams);
  return (
    <InboxFrame session={session} params={params}>
      <div className="flex h-full items-center justify-center">
        <EmptyState icon="message" title="Choose a conversation" text="The timeline, the lead card and the reply box open here." />
      </div>
    </InboxFrame>
  );
}
