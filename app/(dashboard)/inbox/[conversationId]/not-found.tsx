import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown for ids of other dealerships, of another rep's leads and for ids that never existed alike. */
export default function ConversationNotFound() {
  return (
    <EmptyState
      icon="message"
      title="Conversation not found"
      text="It may have been removed, or it belongs to a lead that is not yours to see."
      action={<Link href="/inbox" className={buttonClass({ variant: "secondary" })}>Back to the inbox</Link>}
    />
  );
}
