"use client";
// While a record has unsaved changes, leaving the page asks first: a click on any in-app
// link or a navigation shortcut opens the save / discard / stay choice, and closing or
// reloading the tab gets the browser's own prompt.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

function internalTarget(e: MouseEvent): string | null {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return null;
  const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
  if (!a || (a.target && a.target !== "_self") || a.hasAttribute("download")) return null;
  // A link that keeps the draft in the browser for later (signing in again) needs no question.
  if (a.hasAttribute("data-keeps-draft")) return null;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  // A link to this very page (an anchor within it) loses nothing.
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function useLeaveGuard(active: boolean) {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    // Capture phase on the document: before Next's <Link> handler at the React root sees the click.
    const onClick = (e: MouseEvent) => {
      const href = internalTarget(e);
      if (!href) return;
      e.preventDefault();
      e.stopPropagation();
      setPending(href);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [active]);

  return {
    /** Where the editor wanted to go, while the choice is open. */
    pending: active ? pending : null,
    /** Navigate, or ask first when there are unsaved changes. */
    go: (href: string) => (active ? setPending(href) : router.push(href)),
    stay: () => setPending(null),
    /** Leave without saving. */
    leave: () => {
      const href = pending;
      setPending(null);
      if (href) router.push(href);
    },
  };
}
