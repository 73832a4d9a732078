"use client";
// This segment's error boundary: a sentence and a retry (components/shell/route-error.tsx).
export { RouteError as default } from "@/components/shell/route-error";
