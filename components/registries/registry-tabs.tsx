"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn, focusRing } from "@/components/ui";

/** The registries' section links; the current one is marked for screen readers too. */
export function RegistryTabs({ tabs, label }: { tabs: { href: string; label: string }[]; label: string }) {
  const path = usePathname();
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-200">
      {tabs.map((tab) => {
        const current = path === tab.href || path.startsWith(`${tab.href}/`);
        return (
          <Link
            key={tab.href}
            href={tab.href}
            aria-current={current ? "page" : undefined}
            className={cn("rounded-t-md px-3 py-2 text-sm", current ? "border-b-2 border-blue-700 font-semibold text-blue-800" : "text-slate-700 hover:bg-slate-100", focusRing)}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
