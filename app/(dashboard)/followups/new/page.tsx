import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/auth";
import { SequenceEditor } from "../sequence-editor";

export const metadata: Metadata = { title: "New follow-up sequence" };

export default async function NewSequencePage() {
  await requireSession("manager");
  return (
    <section>
      <PageHeader title="New sequence" actions={<Link href="/followups" className="text-sm hover:underline">Back to follow-ups</Link>} />
      <SequenceEditor
        initial={{
          name: "", enabled: true, trigger: { type: "no_reply", hours: 24 }, audience: {},
          steps: [{ type: "wait", days: 1 }, { type: "whatsapp", text: "Hi {name}, still looking for a car? Just reply here.", templateName: "check_in", templateVariables: ["name", "dealer"] }],
        }}
      />
    </section>
  );
}
