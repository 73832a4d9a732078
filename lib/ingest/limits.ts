// What the server accepts, whatever the browser was told (documented in the README).
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES_PER_UPLOAD = 200;
export const MAX_PASTE_CHARS = 1_000_000;
/** One upload request as a whole (many files of a few KB each fit easily). */
export const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;
export const ACCEPTED_EXTENSIONS = [".txt", ".html", ".htm"] as const;

export function hasAcceptedExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
