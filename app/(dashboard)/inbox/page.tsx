import { requireSession } from "@/lib/auth";

export default async function InboxPage() {
  const session = await requireSession();
  return (
    <section>
      <h1 className="text-xl font-semibold">Inbox</h1>
      <p className="text-sm text-slate-600">Conversations and leads for {session.tenant.name}.</p>
    </section>
  );
}
