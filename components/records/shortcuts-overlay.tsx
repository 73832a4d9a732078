"use client";
// The "?" overlay: every shortcut of the current page, in a modal dialog.
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui";

export function ShortcutsOverlay({
  open,
  onClose,
  shortcuts,
}: {
  open: boolean;
  onClose: () => void;
  shortcuts: { keys: string[]; label: string }[];
}) {
  // Rendered only while open: a closed dialog would be markup in every page response for nothing.
  return open ? <ShortcutsDialog onClose={onClose} shortcuts={shortcuts} /> : null;
}

function ShortcutsDialog({ onClose, shortcuts }: { onClose: () => void; shortcuts: { keys: string[]; label: string }[] }) {
  const t = useTranslations("review.shortcuts");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // Closing unmounts the dialog instead of calling close(), so focus goes back by hand.
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      data-shortcuts
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto w-full max-w-md rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="shortcuts-title" className="mb-3 text-lg font-semibold">
        {t("title")}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {shortcuts.map((s) => (
          <div key={s.label} className="contents">
            <dt className="whitespace-nowrap">
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 ? <span className="mx-1 text-slate-500">{t("or")}</span> : null}
                  <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs">{k}</kbd>
                </span>
              ))}
            </dt>
            <dd className="text-slate-700">{s.label}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-5 text-right">
        <Button variant="secondary" onClick={onClose}>
          {t("close")}
        </Button>
      </div>
    </dialog>
  );
}
