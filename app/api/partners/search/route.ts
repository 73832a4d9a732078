// GET /api/partners/search?q=обс — the record page's partner type-ahead (viewers and up).
import { getDb } from "@/db/index";
import { searchPartners } from "@/db/queries/partners";
import { requireRoleApi } from "@/lib/auth/session";
import { partnerSearchSchema } from "@/lib/validations/meetings";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const user = await requireRoleApi("viewer");
  if (user instanceof Response) return user;
  const params = new URL(request.url).searchParams;
  const parsed = partnerSearchSchema.safeParse({ q: params.get("q") ?? "", limit: params.get("limit") ?? undefined });
  if (!parsed.success) return Response.json({ error: "q must be 1 to 100 characters" }, { status: 400 });
  const hits = await searchPartners(getDb(), parsed.data);
  return Response.json({ partners: hits }, { headers: { "Cache-Control": "private, max-age=30" } });
}
