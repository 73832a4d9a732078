"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui";
import { ACCEPTED_EXTENSIONS, MAX_FILES_PER_UPLOAD } from "@/lib/ingest/limits";

/** Sends the chosen files to /api/ingest and shows the job (its id goes into the URL, so a reload keeps it). */
export function UploadForm() {
  const t = useTranslations("ingest");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const input = event.currentTarget.elements.namedItem("files") as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return setError(t("errors.no_files"));
    if (files.length > MAX_FILES_PER_UPLOAD) return setError(t("errors.too_many_files"));
    const body = new FormData();
    for (const f of files) body.append("files", f, f.name);
    setBusy(true);
    try {
      const response = await fetch("/api/ingest", { method: "POST", body });
      const json = (await response.json().catch(() => ({}))) as { jobId?: number; error?: string };
      if (!response.ok || !json.jobId) return setError(json.error ?? t("errors.upload"));
      input.value = "";
      router.replace(`/ingest?job=${json.jobId}`);
    } catch {
      setError(t("errors.upload"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="upload-files" className="block text-sm font-medium text-slate-800">
          {t("files")}
        </label>
        <input
          id="upload-files"
          name="files"
          type="file"
          multiple
          accept={ACCEPTED_EXTENSIONS.join(",")}
          aria-describedby="upload-files-hint"
          className="block text-sm"
        />
        <p id="upload-files-hint" className="text-xs text-slate-600">
          {t("filesHint")}
        </p>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? t("uploading") : t("uploadSubmit")}
        </Button>
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      </div>
    </form>
  );
}
