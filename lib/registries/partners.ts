// Partner registry changes: edit, add, aliases, merge and its undo. A merge writes one
// history row on the loser that lists every row it moved or added, so the undo can put
// each back exactly (and only those rows: later edits to the survivor stay).
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/index";
import { evidence, history, meetingPartners, partnerAliases, partners, people, personPositions } from "@/db/schema";
import { normalizeAlias } from "@/lib/extract/registry";
import { recordHistory, registryChanged, type RegistryResult } from "./record";

export interface PartnerFields {
  type: "country" | "organization";
  code: string | null;
  nameRu: string;
  nameEn: string | null;
  fullNameRu: string | null;
  fullNameEn: string | null;
  region: string | null;
  parentId: number | null;
}

const editable = ["type", "code", "nameRu", "nameEn", "fullNameRu", "fullNameEn", "region", "parentId"] as const;

async function codeTaken(tx: Tx, code: string | null, exceptId?: number): Promise<boolean> {
  if (!code) return false;
  const [row] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.code, code));
  return Boolean(row && row.id !== exceptId);
}

/** True when making `parentId` the parent of `id` would close a loop. */
async function parentLoop(tx: Tx, id: number, parentId: number | null): Promise<boolean> {
  for (let current = parentId, hop = 0; current && hop < 20; hop++) {
    if (current === id) return true;
    const [row] = await tx.select({ parentId: partners.parentId }).from(partners).where(eq(partners.id, current));
    current = row?.parentId ?? null;
  }
  return false;
}

export async function createPartner(db: Db, userId: number, fields: PartnerFields): Promise<RegistryResult<{ id: number }>> {
  const result = await db.transaction(async (tx): Promise<RegistryResult<{ id: number }>> => {
    if (await codeTaken(tx, fields.code)) return { ok: false, code: "conflict" };
    const normalized = normalizeAlias(fields.nameRu);
    const [taken] = await tx.select({ id: partnerAliases.id }).from(partnerAliases).where(eq(partnerAliases.normalized, normalized));
    if (taken) return { ok: false, code: "alias_taken" };
    const [row] = await tx.insert(partners).values(fields).returning({ id: partners.id });
    await tx.insert(partnerAliases).values({ partnerId: row.id, alias: fields.nameRu, normalized, kind: "name", source: "editor", createdBy: userId });
    await recordHistory(tx, { entityType: "partner", entityId: row.id, action: "create", after: fields, userId });
    return { ok: true, id: row.id };
  });
  if (result.ok) registryChanged(db);
  return result;
}

export async function updatePartner(db: Db, userId: number, { id, ...fields }: PartnerFields & { id: number }): Promise<RegistryResult> {
  const result = await db.transaction(async (tx): Promise<RegistryResult> => {
    const [cur] = await tx.select().from(partners).where(eq(partners.id, id)).for("update");
    if (!cur) return { ok: false, code: "not_found" };
    if (await codeTaken(tx, fields.code, id)) return { ok: false, code: "conflict" };
    if (fields.parentId === id || (await parentLoop(tx, id, fields.parentId))) return { ok: false, code: "invalid" };
    const changed = editable.filter((k) => (cur[k] ?? null) !== (fields[k] ?? null));
    if (changed.length === 0) return { ok: true };
    await tx.update(partners).set(fields).where(eq(partners.id, id));
    await recordHistory(
      tx,
      changed.map((field) => ({ entityType: "partner", entityId: id, action: "update", field, before: cur[field], after: fields[field], userId })),
    );
    // A renamed partner is still found under its new name.
    if (changed.includes("nameRu")) {
      await tx
        .insert(partnerAliases)
        .values({ partnerId: id, alias: fields.nameRu, normalized: normalizeAlias(fields.nameRu), kind: "name", source: "editor", createdBy: userId })
        .onConflictDoNothing();
    }
    return { ok: true };
  });
  if (result.ok) registryChanged(db);
  return result;
}

export async function addPartnerAlias(
  db: Db,
  userId: number,
  input: { partnerId: number; alias: string; kind?: string; source?: string },
  tx?: Tx,
): Promise<RegistryResult<{ aliasId: number; movedFrom: number | null }>> {
  const run = async (t: Tx): Promise<RegistryResult<{ aliasId: number; movedFrom: number | null }>> => {
    const [partner] = await t.select({ id: partners.id, mergedIntoId: partners.mergedIntoId }).from(partners).where(eq(partners.id, input.partnerId));
    if (!partner) return { ok: false, code: "not_found" };
    if (partner.mergedIntoId) return { ok: false, code: "already_merged" };
    const normalized = normalizeAlias(input.alias);
    if (!normalized) return { ok: false, code: "invalid" };
    const [existing] = await t.select().from(partnerAliases).where(eq(partnerAliases.normalized, normalized));
    if (existing?.partnerId === input.partnerId) return { ok: true, aliasId: existing.id, movedFrom: null };
    if (existing) {
      // The alias named another partner: an admin's decision re-points it (the history keeps where it was).
      await t.update(partnerAliases).set({ partnerId: input.partnerId, kind: input.kind ?? existing.kind, source: input.source ?? "editor" }).where(eq(partnerAliases.id, existing.id));
      await recordHistory(t, {
        entityType: "partner",
        entityId: input.partnerId,
        action: "alias_move",
        field: "aliases",
        before: { aliasId: existing.id, alias: existing.alias, partnerId: existing.partnerId },
        after: { aliasId: existing.id, alias: existing.alias, partnerId: input.partnerId },
        userId,
      });
      return { ok: true, aliasId: existing.id, movedFrom: existing.partnerId };
    }
    const [row] = await t
      .insert(partnerAliases)
      .values({ partnerId: input.partnerId, alias: input.alias.trim(), normalized, kind: input.kind ?? "name", source: input.source ?? "editor", createdBy: userId })
      .returning({ id: partnerAliases.id });
    await recordHistory(t, {
      entityType: "partner",
      entityId: input.partnerId,
      action: "alias_add",
      field: "aliases",
      after: { aliasId: row.id, alias: input.alias.trim(), kind: input.kind ?? "name" },
      userId,
    });
    return { ok: true, aliasId: row.id, movedFrom: null };
  };
  if (tx) return run(tx);
  const result = await db.transaction(run);
  if (result.ok) registryChanged(db);
  return result;
}

export async function removePartnerAlias(db: Db, userId: number, { aliasId }: { aliasId: number }): Promise<RegistryResult> {
  const result = await db.transaction(async (tx): Promise<RegistryResult> => {
    const [row] = await tx.delete(partnerAliases).where(eq(partnerAliases.id, aliasId)).returning();
    if (!row) return { ok: false, code: "not_found" };
    await recordHistory(tx, {
      entityType: "partner",
      entityId: row.partnerId,
      action: "alias_remove",
      field: "aliases",
      before: { aliasId: row.id, alias: row.alias, kind: row.kind, source: row.source },
      userId,
    });
    return { ok: true };
  });
  if (result.ok) registryChanged(db);
  return result;
}

/** What a merge changed, kept in its history row so the undo can reverse exactly that. */
export interface PartnerMergeRecord {
  survivorId: number;
  movedMeetings: number[];
  droppedLinks: { meetingId: number; source: "extractor" | "editor"; confidence: number | null }[];
  movedAliases: number[];
  addedAliases: number[];
  children: number[];
  people: number[];
  positions: number[];
}

export async function mergePartners(
  db: Db,
  userId: number,
  { loserId, survivorId }: { loserId: number; survivorId: number },
): Promise<RegistryResult<{ historyId: number }>> {
  if (loserId === survivorId) return { ok: false, code: "same" };
  const result = await db.transaction(async (tx): Promise<RegistryResult<{ historyId: number }>> => {
    const rows = await tx.select().from(partners).where(inArray(partners.id, [loserId, survivorId])).for("update");
    const loser = rows.find((r) => r.id === loserId);
    const survivor = rows.find((r) => r.id === survivorId);
    if (!loser || !survivor) return { ok: false, code: "not_found" };
    if (loser.mergedIntoId || survivor.mergedIntoId) return { ok: false, code: "already_merged" };

    // Meeting links: move, except where the survivor is already linked (the composite key).
    const links = await tx.select().from(meetingPartners).where(eq(meetingPartners.partnerId, loserId));
    const already = new Set(
      links.length
        ? (
            await tx
              .select({ meetingId: meetingPartners.meetingId })
              .from(meetingPartners)
              .where(and(eq(meetingPartners.partnerId, survivorId), inArray(meetingPartners.meetingId, links.map((l) => l.meetingId))))
          ).map((r) => r.meetingId)
        : [],
    );
    const movedMeetings = links.filter((l) => !already.has(l.meetingId)).map((l) => l.meetingId);
    const droppedLinks = links
      .filter((l) => already.has(l.meetingId))
      .map((l) => ({ meetingId: l.meetingId, source: l.source, confidence: l.confidence }));
    if (droppedLinks.length)
      await tx
        .delete(meetingPartners)
        .where(and(eq(meetingPartners.partnerId, loserId), inArray(meetingPartners.meetingId, droppedLinks.map((d) => d.meetingId))));
    if (movedMeetings.length) {
      await tx
        .update(meetingPartners)
        .set({ partnerId: survivorId })
        .where(and(eq(meetingPartners.partnerId, loserId), inArray(meetingPartners.meetingId, movedMeetings)));
      await tx
        .update(evidence)
        .set({ valueKey: String(survivorId) })
        .where(and(eq(evidence.field, "partner"), eq(evidence.valueKey, String(loserId)), inArray(evidence.meetingId, movedMeetings)));
    }

    // Aliases follow the loser's records; its names become the survivor's aliases.
    const movedAliases = (
      await tx.update(partnerAliases).set({ partnerId: survivorId }).where(eq(partnerAliases.partnerId, loserId)).returning({ id: partnerAliases.id })
    ).map((r) => r.id);
    const addedAliases: number[] = [];
    for (const name of [loser.nameRu, loser.fullNameRu, loser.nameEn, loser.fullNameEn]) {
      if (!name) continue;
      const [added] = await tx
        .insert(partnerAliases)
        .values({ partnerId: survivorId, alias: name, normalized: normalizeAlias(name), kind: "merged", source: "merge", createdBy: userId })
        .onConflictDoNothing()
        .returning({ id: partnerAliases.id });
      if (added) addedAliases.push(added.id);
    }
    const children = (
      await tx.update(partners).set({ parentId: survivorId }).where(eq(partners.parentId, loserId)).returning({ id: partners.id })
    ).map((r) => r.id);
    const movedPeople = (
      await tx.update(people).set({ partnerId: survivorId }).where(eq(people.partnerId, loserId)).returning({ id: people.id })
    ).map((r) => r.id);
    const positions = (
      await tx.update(personPositions).set({ partnerId: survivorId }).where(eq(personPositions.partnerId, loserId)).returning({ id: personPositions.id })
    ).map((r) => r.id);
    await tx.update(partners).set({ mergedIntoId: survivorId }).where(eq(partners.id, loserId));

    const record: PartnerMergeRecord = { survivorId, movedMeetings, droppedLinks, movedAliases, addedAliases, children, people: movedPeople, positions };
    const [historyId] = await recordHistory(tx, [
      { entityType: "partner", entityId: loserId, action: "merge", field: "merged_into_id", before: null, after: record as unknown as Record<string, unknown>, userId },
      { entityType: "partner", entityId: survivorId, action: "absorb", field: "merged_from", after: { loserId, name: loser.nameRu }, userId },
    ]);
    return { ok: true, historyId };
  });
  if (result.ok) registryChanged(db);
  return result;
}

/** The loser's latest merge that no later "unmerge" row has undone. */
async function lastMerge(tx: Tx, loserId: number) {
  const [row] = await tx
    .select()
    .from(history)
    .where(and(eq(history.entityType, "partner"), eq(history.entityId, loserId), inArray(history.action, ["merge", "unmerge"])))
    .orderBy(desc(history.id))
    .limit(1);
  return row?.action === "merge" ? row : null;
}

/** Undoes the merge of `partnerId` (the loser) into its survivor. */
export async function undoPartnerMerge(db: Db, userId: number, { partnerId: loserId }: { partnerId: number }): Promise<RegistryResult<{ survivorId: number }>> {
  const result = await db.transaction(async (tx): Promise<RegistryResult<{ survivorId: number }>> => {
    const [loser] = await tx.select().from(partners).where(eq(partners.id, loserId)).for("update");
    if (!loser) return { ok: false, code: "not_found" };
    if (!loser.mergedIntoId) return { ok: false, code: "not_merged" };
    const merge = await lastMerge(tx, loserId);
    if (!merge) return { ok: false, code: "nothing_to_undo" };
    const r = merge.after as unknown as PartnerMergeRecord;
    const s = r.survivorId;

    if (r.movedMeetings.length) {
      await tx
        .update(meetingPartners)
        .set({ partnerId: loserId })
        .where(and(eq(meetingPartners.partnerId, s), inArray(meetingPartners.meetingId, r.movedMeetings)));
      await tx
        .update(evidence)
        .set({ valueKey: String(loserId) })
        .where(and(eq(evidence.field, "partner"), eq(evidence.valueKey, String(s)), inArray(evidence.meetingId, r.movedMeetings)));
    }
    if (r.droppedLinks.length)
      await tx
        .insert(meetingPartners)
        .values(r.droppedLinks.map((d) => ({ meetingId: d.meetingId, partnerId: loserId, source: d.source, confidence: d.confidence })))
        .onConflictDoNothing();
    if (r.addedAliases.length) await tx.delete(partnerAliases).where(inArray(partnerAliases.id, r.addedAliases));
    if (r.movedAliases.length)
      await tx.update(partnerAliases).set({ partnerId: loserId }).where(and(inArray(partnerAliases.id, r.movedAliases), eq(partnerAliases.partnerId, s)));
    if (r.children.length)
      await tx.update(partners).set({ parentId: loserId }).where(and(inArray(partners.id, r.children), eq(partners.parentId, s)));
    if (r.people.length) await tx.update(people).set({ partnerId: loserId }).where(and(inArray(people.id, r.people), eq(people.partnerId, s)));
    if (r.positions.length)
      await tx
        .update(personPositions)
        .set({ partnerId: loserId })
        .where(and(inArray(personPositions.id, r.positions), eq(personPositions.partnerId, s)));
    await tx.update(partners).set({ mergedIntoId: null }).where(eq(partners.id, loserId));
    await recordHistory(tx, [
      { entityType: "partner", entityId: loserId, action: "unmerge", field: "merged_into_id", before: { survivorId: s }, after: { mergeHistoryId: merge.id }, userId },
      { entityType: "partner", entityId: s, action: "release", field: "merged_from", before: { loserId }, userId },
    ]);
    return { ok: true, survivorId: s };
  });
  if (result.ok) registryChanged(db);
  return result;
}
