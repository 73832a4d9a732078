// Public on purpose: load balancers ask it whether this instance can reach the database.
import { sql } from "drizzle-orm";
import { dbKind, getDb } from "@/db/index";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = Date.now();
  try {
    await getDb().execute(sql`select 1`);
    return Response.json({ status: "ok", database: dbKind(), latencyMs: Date.now() - started });
  } catch {
    return Response.json(
      { status: "unavailable", database: dbKind(), message: "The database does not answer; the service will recover when it does." },
      { status: 503 },
    );
  }
}
