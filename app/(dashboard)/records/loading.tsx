import { PageSkeleton } from "@/components/shell/page-skeleton";

/** Shown while the queue or a record loads. */
export default function Loading() {
  return <PageSkeleton />;
}
