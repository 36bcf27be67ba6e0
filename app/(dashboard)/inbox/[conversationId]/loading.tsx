import { Skeleton, SkeletonText } from "@/components/ui/skeleton";

export default function ConversationLoading() {
  return (
    <div role="status" aria-label="Loading the conversation" className="space-y-4 rounded-xl border border-line bg-surface p-4">
      <div className="flex items-center gap-3">
        <Skeleton className="size-9 shrink-0 rounded-full" />
        <SkeletonText lines={2} className="flex-1" />
      </div>
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className={i % 2 ? "flex justify-end" : "flex"}>
          <Skeleton className="h-12 w-2/3 rounded-2xl sm:w-1/2" />
        </div>
      ))}
      <Skeleton className="h-16 w-full" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
