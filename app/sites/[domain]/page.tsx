import { resolveSiteHost } from "@/lib/tenancy";

export default async function SiteHome({ params }: { params: Promise<{ domain: string }> }) {
  const { domain } = await params;
  const site = await resolveSiteHost(decodeURIComponent(domain));
  if (site.kind !== "tenant") return null;
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-2xl font-bold">{site.tenant.name}</h1>
    </main>
  );
}
