"use client";
// Single-key shortcuts that stay out of the way while the editor types: they fire only
// outside inputs, except the ones listed as working everywhere (Ctrl+S).
import { useLayoutEffect, useRef } from "react";

export type ShortcutMap = Record<string, (event: KeyboardEvent) => void>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset"].includes(type);
}

/** Keys: "j", "?", "/", "mod+s" (Ctrl or Cmd). "mod+" shortcuts also fire inside inputs. */
export function useShortcuts(map: ShortcutMap, enabled = true): void {
  const ref = useRef(map);
  // Layout effects: the keys work from the moment the record is painted, not one frame
  // later (a first "a" pressed right after a client-side navigation was lost before).
  useLayoutEffect(() => {
    ref.current = map;
  });
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = mod ? `mod+${event.key.toLowerCase()}` : event.key;
      const handler = ref.current[key];
      if (!handler) return;
      if (!mod && (isTyping(event.target) || document.querySelector("dialog[open]:not([data-shortcuts])"))) return;
      event.preventDefault();
      handler(event);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
