// Upload of article files: creates a background job and returns its id at once; the
// page then polls /api/ingest/[jobId] for per-file results.
import { getDb } from "@/db/index";
import { crossOriginRefusal } from "@/lib/auth/same-origin";
import { requireRoleApi } from "@/lib/auth/session";
import { createIngestJob } from "@/lib/ingest/jobs";
import { enqueueIngestItems } from "@/lib/ingest/queue";
import { parseUpload } from "@/lib/ingest/upload";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  const foreign = crossOriginRefusal(request);
  if (foreign) return foreign;
  const user = await requireRoleApi("editor");
  if (user instanceof Response) return user;
  const upload = await parseUpload(request);
  if (!upload.ok) return Response.json({ error: upload.error }, { status: upload.status, headers: noStore });
  const { jobId, itemIds } = await createIngestJob(getDb(), upload.files, user.id);
  await enqueueIngestItems(itemIds);
  return Response.json({ jobId }, { status: 202, headers: noStore });
}
