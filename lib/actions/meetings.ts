"use server";
// Review actions. Each one checks the caller's role FIRST (also when called directly,
// not through a form), validates with zod, then runs one versioned transaction in
// lib/meetings. Results carry codes ("saved", "conflict", field error codes) that the
// client turns into sentences, so a failed save keeps everything the editor typed.
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/index";
import type { z } from "zod";
import { requireRoleAction } from "@/lib/auth/session";
import type { ReviewActionState } from "@/lib/meetings/action-state";
import { restoreFromHistory } from "@/lib/meetings/restore";
import { saveMeetingEdit, type SaveResult } from "@/lib/meetings/save";
import { bulkApprove, changeStatus } from "@/lib/meetings/status";
import {
  bulkApproveSchema,
  fieldErrors,
  meetingEditSchema,
  restoreSchema,
  statusChangeSchema,
} from "@/lib/validations/meetings";

function values(form: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(form instanceof FormData)) return form ?? {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string") out[k] = v;
  return out;
}

/** The record form posts its state as one JSON field: lists of participants do not fit flat fields. */
function payload(form: FormData | Record<string, unknown>): unknown {
  const v = values(form);
  if (typeof v.payload !== "string") return v;
  try {
    return JSON.parse(v.payload);
  } catch {
    return null;
  }
}

// Cached counts and menus follow the database content version by themselves (lib/cache/versioned.ts).
function refresh(meetingId?: number) {
  try {
    if (meetingId) revalidatePath(`/records/${meetingId}`);
    revalidatePath("/records");
  } catch {
    // Outside a Next request (tests calling the action directly) there is nothing to refresh.
  }
}

/** The history row the editor's form had seen, when it sent a usable one (for the conflict view). */
function seenHistoryId(v: Record<string, unknown>): number | undefined {
  const seen = Number(v.seenHistoryId);
  return Number.isInteger(seen) && seen >= 0 ? seen : undefined;
}

type Gated<T> = { ok: true; userId: number; data: T } | { ok: false; state: ReviewActionState };

/** Every review action starts the same way: editor or above, then the input through zod. */
async function gateAndParse<T>(schema: z.ZodType<T>, input: unknown): Promise<Gated<T>> {
  const gate = await requireRoleAction("editor");
  if (!gate.ok) return { ok: false, state: { ok: false, code: "denied", message: gate.message, at: Date.now() } };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, state: { ok: false, code: "invalid", errors: fieldErrors(parsed.error), at: Date.now() } };
  return { ok: true, userId: gate.user.id, data: parsed.data };
}

function fromSave(result: SaveResult, meetingId: number): ReviewActionState {
  const at = Date.now();
  switch (result.status) {
    case "saved":
      refresh(meetingId);
      return { ok: true, code: "saved", version: result.version, changed: result.changed, at };
    case "unchanged":
      return { ok: true, code: "unchanged", version: result.version, at };
    case "invalid":
      return { ok: false, code: "invalid", errors: result.errors, at };
    case "not_found":
      return { ok: false, code: "not_found", at };
    case "conflict":
      return {
        ok: false,
        code: "conflict",
        version: result.current.version,
        conflict: { current: result.current, theirChanges: result.theirChanges },
        at,
      };
  }
}

export async function saveRecordAction(
  _previous: ReviewActionState,
  form: FormData | Record<string, unknown>,
): Promise<ReviewActionState> {
  const gated = await gateAndParse(meetingEditSchema, payload(form));
  if (!gated.ok) return gated.state;
  return fromSave(await saveMeetingEdit(getDb(), { userId: gated.userId, edit: gated.data }), gated.data.id);
}

export async function changeStatusAction(
  _previous: ReviewActionState,
  form: FormData | Record<string, unknown>,
): Promise<ReviewActionState> {
  const v = values(form);
  const gated = await gateAndParse(statusChangeSchema, v);
  if (!gated.ok) return gated.state;
  const change = gated.data;
  const result = await changeStatus(getDb(), { userId: gated.userId, change, seenHistoryId: seenHistoryId(v) });
  const at = Date.now();
  if (result.status === "saved") {
    refresh(change.id);
    const code = ({ approve: "approved", reject: "rejected", reopen: "reopened" } as const)[change.action];
    return { ok: true, code, version: result.version, at };
  }
  if (result.status === "not_allowed") return { ok: false, code: "not_allowed", at };
  return fromSave(result, change.id);
}

export async function bulkApproveAction(
  _previous: ReviewActionState,
  form: FormData | Record<string, unknown>,
): Promise<ReviewActionState> {
  // Each checkbox is "id:version" (the version the queue showed).
  const raw = form instanceof FormData ? form.getAll("item").map(String) : ((values(form).item as string[]) ?? []);
  const items = raw.map((s) => {
    const [id, version] = s.split(":");
    return { id, version };
  });
  const gated = await gateAndParse(bulkApproveSchema, { items });
  if (!gated.ok) return gated.state;
  const results = await bulkApprove(getDb(), { userId: gated.userId, items: gated.data.items });
  refresh();
  return { ok: results.every((r) => r.status === "approved"), code: "bulk_done", bulk: results, at: Date.now() };
}

export async function restoreAction(
  _previous: ReviewActionState,
  form: FormData | Record<string, unknown>,
): Promise<ReviewActionState> {
  const v = values(form);
  const gated = await gateAndParse(restoreSchema, v);
  if (!gated.ok) return gated.state;
  const result = await restoreFromHistory(getDb(), { userId: gated.userId, ...gated.data, seenHistoryId: seenHistoryId(v) });
  return fromSave(result, gated.data.meetingId);
}
