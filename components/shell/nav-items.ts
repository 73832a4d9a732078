import type { Role } from "@/db/schema";

/** The top navigation: label key in the "nav" namespace, path, and the least role that sees it. */
export const navItems: { key: string; href: string; minimum: Role }[] = [
  { key: "overview", href: "/", minimum: "viewer" },
  { key: "queue", href: "/records", minimum: "viewer" },
  { key: "duplicates", href: "/records/duplicates", minimum: "editor" },
  { key: "analytics", href: "/analytics", minimum: "viewer" },
  { key: "articles", href: "/articles", minimum: "viewer" },
  { key: "ingest", href: "/ingest", minimum: "editor" },
  { key: "registries", href: "/registries", minimum: "viewer" },
  { key: "users", href: "/admin/users", minimum: "admin" },
  { key: "sources", href: "/admin/sources", minimum: "admin" },
];
