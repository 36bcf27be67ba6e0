import { Skeleton } from "@/components/ui/skeleton";

export default function PipelineLoading() {
  return (
    <div role="status" aria-label="Loading the pipeline" className="space-y-4">
      <Skeleton className="h-8 w-48" />
      <div className="grid gap-4 md:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className={i === 0 ? "space-y-2" : "hidden space-y-2 md:block"}>
            <Skeleton className="h-6 w-32" />
            <Skeleton className="h-28 w-full" />
            <Skeleton className="h-28 w-full" />
          </div>
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
