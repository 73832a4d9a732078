"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn, focusRing } from "@/components/ui";

/** The navigation links, marking the current section with aria-current="page". Items come already filtered by role. */
export function NavLinks({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent(item.href) ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-2 text-sm font-medium",
                isCurrent(item.href) ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-200",
                focusRing,
              )}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
