"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The navigation links, marking the current section with aria-current="page". Items come already filtered by role. */
export function NavLinks({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => (
          <li key={item.href}>
            {/* .nav-link (app/globals.css) styles the current section from aria-current. */}
            <Link href={item.href} aria-current={isCurrent(item.href) ? "page" : undefined} className="nav-link">
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
