// Progress and per-file results of one ingestion job (its creator and admins only).
import { getDb } from "@/db/index";
import { getJobView } from "@/db/queries/ingest";
import { requireRoleApi } from "@/lib/auth/session";
import { jobIdSchema } from "@/lib/validations/ingest";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }): Promise<Response> {
  const user = await requireRoleApi("editor");
  if (user instanceof Response) return user;
  const id = jobIdSchema.safeParse((await params).jobId);
  if (!id.success) return Response.json({ error: "Invalid job id" }, { status: 400, headers: noStore });
  const job = await getJobView(getDb(), id.data);
  if (!job || (job.createdBy !== user.id && user.role !== "admin")) {
    return Response.json({ error: "No such job" }, { status: 404, headers: noStore });
  }
  return Response.json(job, { headers: noStore });
}
