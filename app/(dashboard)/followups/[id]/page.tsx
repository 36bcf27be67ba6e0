import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/auth";
import { getSequence } from "@/lib/followups";
import { DeleteSequence } from "../delete-sequence";
import { SequenceEditor } from "../sequence-editor";

export const metadata: Metadata = { title: "Edit follow-up sequence" };

export default async function EditSequencePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const session = await requireSession("manager");
  const id = z.string().uuid().safeParse((await params).id);
  const sequence = id.success ? await getSequence(session.tenant.id, id.data) : null;
  if (!sequence) notFound();
  const created = (await searchParams).created === "1";
  return (
    <section>
      <PageHeader
        title={sequence.name}
        description={created ? "Sequence created. New leads that match start it from now on." : "Changes apply to leads that start the sequence from now on."}
        actions={<><DeleteSequence id={sequence.id} name={sequence.name} /><Link href="/followups" className="text-sm hover:underline">Back to follow-ups</Link></>}
      />
      <SequenceEditor initial={{ id: sequence.id, name: sequence.name, enabled: sequence.enabled, trigger: sequence.trigger, audience: sequence.audience, steps: sequence.steps }} />
    </section>
  );
}
