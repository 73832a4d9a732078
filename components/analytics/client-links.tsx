"use client";
// Many small drill-down links (heat-map cells, bar-list and table rows) are plain <a>, so
// they work before and without JavaScript and cost the server no component each; one
// click handler on their container gives them client-side navigation. Unlike <Link>
// they are not prefetched: a page of 200 cells would otherwise ask the server for 200
// record lists as soon as it is shown.
import { useRouter } from "next/navigation";
import { useCallback, type MouseEvent, type ReactNode } from "react";

/** An onClick for a container: follows its same-site links with the client router, unless a new tab or window was asked for. */
export function useClientLinks() {
  const router = useRouter();
  return useCallback(
    (e: MouseEvent<HTMLElement>) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = (e.target as HTMLElement).closest("a");
      const href = a?.getAttribute("href");
      if (!a || !href?.startsWith("/") || a.target || a.hasAttribute("download")) return;
      e.preventDefault();
      router.push(href);
    },
    [router],
  );
}

/** A container whose plain same-site links navigate on the client (for server-rendered lists of links). */
export function ClientLinks({ className, children }: { className?: string; children: ReactNode }) {
  const onClick = useClientLinks();
  return (
    <div className={className} onClick={onClick}>
      {children}
    </div>
  );
}
