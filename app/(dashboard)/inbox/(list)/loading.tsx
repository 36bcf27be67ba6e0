import { Skeleton, SkeletonText } from "@/components/ui/skeleton";

// In the list's own route group so it is not above the conversation page, whose not-found must answer 404.
export default function InboxLoading() {
  return (
    <div role="status" aria-label="Loading the inbox" className="grid gap-4 md:grid-cols-[22rem_minmax(0,1fr)]">
      <div className="space-y-4 rounded-xl border border-line bg-surface p-3">
        <Skeleton className="h-10 w-full" />
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="flex gap-3">
            <Skeleton className="size-9 shrink-0 rounded-full" />
            <SkeletonText lines={2} className="flex-1" />
          </div>
        ))}
      </div>
      <div className="hidden space-y-3 rounded-xl border border-line bg-surface p-5 md:block">
        <SkeletonText lines={4} />
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
