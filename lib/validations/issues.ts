// zod issues as the forms show them: per field, the stable codes the schemas and the
// domain use as messages ("participants.0.name": ["name_empty"]); the actions turn the
// codes into sentences (lib/actions/run-action.ts).
import type { z } from "zod";

/** `drop` leaves wrapper keys out of the paths (the record form's "changes"). */
export function issueCodes(error: z.ZodError, drop: string[] = []): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.filter((p) => !drop.includes(String(p))).join(".") || "_form";
    const codes = (out[path] ??= []);
    if (!codes.includes(issue.message)) codes.push(issue.message);
  }
  return out;
}
