// Reads an upload request on the server with the limits enforced there, whatever the
// browser checked: total bytes while streaming, number of files, extensions.
import type { UploadedFile } from "./jobs";
import { formatBytes, hasAcceptedExtension, MAX_FILES_PER_UPLOAD, MAX_UPLOAD_BYTES } from "./limits";

export type UploadParse = { ok: true; files: UploadedFile[] } | { ok: false; status: number; error: string };

async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function parseUpload(request: Request): Promise<UploadParse> {
  const body = await readLimited(request, MAX_UPLOAD_BYTES);
  if (!body) return { ok: false, status: 413, error: `The upload is larger than ${formatBytes(MAX_UPLOAD_BYTES)}; send fewer files at a time.` };
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return { ok: false, status: 400, error: "The upload is not a multipart form with files." };
  }
  const entries = form.getAll("files").filter((v): v is File => typeof v !== "string");
  if (entries.length === 0) return { ok: false, status: 400, error: "No files were sent." };
  if (entries.length > MAX_FILES_PER_UPLOAD) {
    return { ok: false, status: 413, error: `Too many files: ${entries.length} (at most ${MAX_FILES_PER_UPLOAD} per upload).` };
  }
  const wrong = entries.filter((f) => !hasAcceptedExtension(f.name));
  if (wrong.length > 0) {
    return { ok: false, status: 400, error: `Only .txt, .html and .htm files are accepted (${wrong.map((f) => f.name).slice(0, 5).join(", ")}).` };
  }
  const files = await Promise.all(entries.map(async (f) => ({ fileName: f.name.slice(0, 300), bytes: new Uint8Array(await f.arrayBuffer()) })));
  return { ok: true, files };
}
