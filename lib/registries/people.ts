// People registry changes: name and side, name variants, positions over time, merge
// (with undo from its history row) and split (selected participations and variants
// move to a new person).
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/index";
import { history, meetingParticipants, people, personAliases, personPositions, quotes } from "@/db/schema";
import { normalizeName } from "@/lib/ingest/normalize";
import { recordHistory, registryChanged, type RegistryResult } from "./record";

export interface PersonFields {
  name: string;
  side: "home" | "partner" | null;
  partnerId: number | null;
  notes: string | null;
}

export interface PositionFields {
  position: string;
  organization: string | null;
  partnerId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

async function run<R extends { ok: boolean }>(db: Db, fn: (tx: Tx) => Promise<R>): Promise<R> {
  const result = await db.transaction(fn);
  if (result.ok) registryChanged(db);
  return result;
}

/** A variant the extractor should map to this person (curated: source is not "extractor"). */
async function ensureAlias(tx: Tx, personId: number, alias: string, source: string): Promise<number | null> {
  const [row] = await tx
    .insert(personAliases)
    .values({ personId, alias: alias.trim(), normalized: normalizeName(alias), source })
    .onConflictDoNothing()
    .returning({ id: personAliases.id });
  return row?.id ?? null;
}

export async function updatePerson(db: Db, userId: number, { id, ...fields }: PersonFields & { id: number }): Promise<RegistryResult> {
  return run(db, async (tx) => {
    const [cur] = await tx.select().from(people).where(eq(people.id, id)).for("update");
    if (!cur) return { ok: false, code: "not_found" };
    const keys = ["name", "side", "partnerId", "notes"] as const;
    const changed = keys.filter((k) => (cur[k] ?? null) !== (fields[k] ?? null));
    if (!changed.length) return { ok: true };
    await tx.update(people).set({ ...fields, normalized: normalizeName(fields.name) }).where(eq(people.id, id));
    // The old spelling stays a variant of the same person.
    if (changed.includes("name")) {
      await ensureAlias(tx, id, cur.name, "editor");
      await ensureAlias(tx, id, fields.name, "editor");
    }
    await recordHistory(
      tx,
      changed.map((field) => ({ entityType: "person", entityId: id, action: "update", field, before: cur[field], after: fields[field], userId })),
    );
    return { ok: true };
  });
}

export async function addPersonAlias(
  db: Db,
  userId: number,
  input: { personId: number; alias: string; source?: string },
  tx?: Tx,
): Promise<RegistryResult<{ aliasId: number | null }>> {
  const body = async (t: Tx): Promise<RegistryResult<{ aliasId: number | null }>> => {
    const [person] = await t.select({ id: people.id, mergedIntoId: people.mergedIntoId }).from(people).where(eq(people.id, input.personId));
    if (!person) return { ok: false, code: "not_found" };
    if (person.mergedIntoId) return { ok: false, code: "already_merged" };
    if (!normalizeName(input.alias)) return { ok: false, code: "invalid" };
    const source = input.source ?? "editor";
    const aliasId = await ensureAlias(t, input.personId, input.alias, source);
    if (aliasId === null) {
      // Known already (perhaps as the extractor's own variant): make it curated so the extractor uses it.
      await t
        .update(personAliases)
        .set({ source })
        .where(and(eq(personAliases.personId, input.personId), eq(personAliases.normalized, normalizeName(input.alias)), eq(personAliases.source, "extractor")));
    }
    await recordHistory(t, { entityType: "person", entityId: input.personId, action: "alias_add", field: "aliases", after: { aliasId, alias: input.alias.trim() }, userId });
    return { ok: true, aliasId };
  };
  if (tx) return body(tx);
  return run(db, body);
}

export async function removePersonAlias(db: Db, userId: number, { aliasId }: { aliasId: number }): Promise<RegistryResult> {
  return run(db, async (tx) => {
    const [row] = await tx.delete(personAliases).where(eq(personAliases.id, aliasId)).returning();
    if (!row) return { ok: false, code: "not_found" };
    await recordHistory(tx, { entityType: "person", entityId: row.personId, action: "alias_remove", field: "aliases", before: { aliasId, alias: row.alias, source: row.source }, userId });
    return { ok: true };
  });
}

export async function addPosition(db: Db, userId: number, { personId, ...fields }: PositionFields & { personId: number }): Promise<RegistryResult<{ id: number }>> {
  return run(db, async (tx) => {
    const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
    if (!person) return { ok: false, code: "not_found" };
    const [row] = await tx.insert(personPositions).values({ personId, ...fields }).returning({ id: personPositions.id });
    await recordHistory(tx, { entityType: "person", entityId: personId, action: "position_add", field: "positions", after: { id: row.id, ...fields }, userId });
    return { ok: true, id: row.id };
  });
}

/** `personId` may come along (the form carries it); the position keeps its person. */
export async function updatePosition(
  db: Db,
  userId: number,
  { positionId, personId: _personId, ...fields }: PositionFields & { positionId: number; personId?: number },
): Promise<RegistryResult> {
  return run(db, async (tx) => {
    const [cur] = await tx.select().from(personPositions).where(eq(personPositions.id, positionId));
    if (!cur) return { ok: false, code: "not_found" };
    await tx.update(personPositions).set(fields).where(eq(personPositions.id, positionId));
    const before = { id: cur.id, position: cur.position, organization: cur.organization, partnerId: cur.partnerId, validFrom: cur.validFrom, validTo: cur.validTo };
    await recordHistory(tx, { entityType: "person", entityId: cur.personId, action: "position_update", field: "positions", before, after: { id: cur.id, ...fields }, userId });
    return { ok: true };
  });
}

export async function removePosition(db: Db, userId: number, { positionId }: { positionId: number }): Promise<RegistryResult> {
  return run(db, async (tx) => {
    const [cur] = await tx.delete(personPositions).where(eq(personPositions.id, positionId)).returning();
    if (!cur) return { ok: false, code: "not_found" };
    await recordHistory(tx, { entityType: "person", entityId: cur.personId, action: "position_remove", field: "positions", before: cur, userId });
    return { ok: true };
  });
}

export interface PersonMergeRecord {
  survivorId: number;
  participants: number[];
  quotes: number[];
  movedAliases: number[];
  addedAliases: number[];
  positions: number[];
}

export async function mergePeople(
  db: Db,
  userId: number,
  { loserId, survivorId }: { loserId: number; survivorId: number },
): Promise<RegistryResult<{ historyId: number }>> {
  if (loserId === survivorId) return { ok: false, code: "same" };
  return run(db, async (tx) => {
    const rows = await tx.select().from(people).where(inArray(people.id, [loserId, survivorId])).for("update");
    const loser = rows.find((r) => r.id === loserId);
    const survivor = rows.find((r) => r.id === survivorId);
    if (!loser || !survivor) return { ok: false, code: "not_found" };
    if (loser.mergedIntoId || survivor.mergedIntoId) return { ok: false, code: "already_merged" };

    const participants = (
      await tx.update(meetingParticipants).set({ personId: survivorId }).where(eq(meetingParticipants.personId, loserId)).returning({ id: meetingParticipants.id })
    ).map((r) => r.id);
    const movedQuotes = (
      await tx.update(quotes).set({ speakerPersonId: survivorId }).where(eq(quotes.speakerPersonId, loserId)).returning({ id: quotes.id })
    ).map((r) => r.id);
    // Variants the survivor already has stay on the loser (the unique key is per person).
    const survivorNorms = new Set(
      (await tx.select({ n: personAliases.normalized }).from(personAliases).where(eq(personAliases.personId, survivorId))).map((r) => r.n),
    );
    const loserAliases = await tx.select().from(personAliases).where(eq(personAliases.personId, loserId));
    const movable = loserAliases.filter((a) => !survivorNorms.has(a.normalized));
    if (movable.length)
      await tx.update(personAliases).set({ personId: survivorId }).where(inArray(personAliases.id, movable.map((a) => a.id)));
    const addedAliases: number[] = [];
    for (const name of [loser.name, survivor.name]) {
      if (survivorNorms.has(normalizeName(name)) || movable.some((a) => a.normalized === normalizeName(name))) continue;
      const id = await ensureAlias(tx, survivorId, name, "merge");
      if (id !== null) addedAliases.push(id);
      survivorNorms.add(normalizeName(name));
    }
    // Moved variants become curated so the extractor maps them to the survivor.
    const curated = movable.filter((a) => a.source === "extractor").map((a) => a.id);
    if (curated.length) await tx.update(personAliases).set({ source: "merge" }).where(inArray(personAliases.id, curated));
    const positions = (
      await tx.update(personPositions).set({ personId: survivorId }).where(eq(personPositions.personId, loserId)).returning({ id: personPositions.id })
    ).map((r) => r.id);
    await tx.update(people).set({ mergedIntoId: survivorId }).where(eq(people.id, loserId));
    if (!survivor.side && loser.side) await tx.update(people).set({ side: loser.side }).where(eq(people.id, survivorId));

    const record = {
      survivorId,
      participants,
      quotes: movedQuotes,
      movedAliases: movable.map((a) => a.id),
      curatedAliases: curated,
      addedAliases,
      positions,
      survivorSideBefore: survivor.side,
    };
    const [historyId] = await recordHistory(tx, [
      { entityType: "person", entityId: loserId, action: "merge", field: "merged_into_id", after: record, userId },
      { entityType: "person", entityId: survivorId, action: "absorb", field: "merged_from", after: { loserId, name: loser.name }, userId },
    ]);
    return { ok: true, historyId };
  });
}

/** Undoes the merge of `personId` (the loser) into its survivor. */
export async function undoPersonMerge(db: Db, userId: number, { personId: loserId }: { personId: number }): Promise<RegistryResult<{ survivorId: number }>> {
  return run(db, async (tx) => {
    const [loser] = await tx.select().from(people).where(eq(people.id, loserId)).for("update");
    if (!loser) return { ok: false, code: "not_found" };
    if (!loser.mergedIntoId) return { ok: false, code: "not_merged" };
    const [merge] = await tx
      .select()
      .from(history)
      .where(and(eq(history.entityType, "person"), eq(history.entityId, loserId), inArray(history.action, ["merge", "unmerge"])))
      .orderBy(desc(history.id))
      .limit(1);
    if (!merge || merge.action !== "merge") return { ok: false, code: "nothing_to_undo" };
    const r = merge.after as PersonMergeRecord & { curatedAliases: number[]; survivorSideBefore: "home" | "partner" | null };
    const s = r.survivorId;
    if (r.participants.length)
      await tx
        .update(meetingParticipants)
        .set({ personId: loserId })
        .where(and(inArray(meetingParticipants.id, r.participants), eq(meetingParticipants.personId, s)));
    if (r.quotes.length)
      await tx.update(quotes).set({ speakerPersonId: loserId }).where(and(inArray(quotes.id, r.quotes), eq(quotes.speakerPersonId, s)));
    if (r.addedAliases.length) await tx.delete(personAliases).where(inArray(personAliases.id, r.addedAliases));
    if (r.movedAliases.length)
      await tx.update(personAliases).set({ personId: loserId }).where(and(inArray(personAliases.id, r.movedAliases), eq(personAliases.personId, s)));
    if (r.curatedAliases.length) await tx.update(personAliases).set({ source: "extractor" }).where(inArray(personAliases.id, r.curatedAliases));
    if (r.positions.length)
      await tx.update(personPositions).set({ personId: loserId }).where(and(inArray(personPositions.id, r.positions), eq(personPositions.personId, s)));
    await tx.update(people).set({ mergedIntoId: null }).where(eq(people.id, loserId));
    await tx.update(people).set({ side: r.survivorSideBefore }).where(eq(people.id, s));
    await recordHistory(tx, [
      { entityType: "person", entityId: loserId, action: "unmerge", field: "merged_into_id", before: { survivorId: s }, after: { mergeHistoryId: merge.id }, userId },
      { entityType: "person", entityId: s, action: "release", field: "merged_from", before: { loserId }, userId },
    ]);
    return { ok: true, survivorId: s };
  });
}

/** Moves the chosen participations (and the quotes they said in those meetings) and variants to a new person. */
export async function splitPerson(
  db: Db,
  userId: number,
  input: { personId: number; name: string; participantIds: number[]; aliasIds: number[]; side?: "home" | "partner" | null },
): Promise<RegistryResult<{ newPersonId: number }>> {
  return run(db, async (tx) => {
    const [person] = await tx.select().from(people).where(eq(people.id, input.personId)).for("update");
    if (!person) return { ok: false, code: "not_found" };
    if (person.mergedIntoId) return { ok: false, code: "already_merged" };
    const parts = input.participantIds.length
      ? await tx
          .select({ id: meetingParticipants.id, meetingId: meetingParticipants.meetingId })
          .from(meetingParticipants)
          .where(and(inArray(meetingParticipants.id, input.participantIds), eq(meetingParticipants.personId, input.personId)))
      : [];
    const aliases = input.aliasIds.length
      ? await tx.select().from(personAliases).where(and(inArray(personAliases.id, input.aliasIds), eq(personAliases.personId, input.personId)))
      : [];
    if (parts.length !== input.participantIds.length || aliases.length !== input.aliasIds.length) return { ok: false, code: "invalid" };
    if (!parts.length && !aliases.length) return { ok: false, code: "invalid" };

    const [created] = await tx
      .insert(people)
      .values({ name: input.name.trim(), normalized: normalizeName(input.name), side: input.side === undefined ? person.side : input.side, partnerId: person.partnerId })
      .returning({ id: people.id });
    if (parts.length) await tx.update(meetingParticipants).set({ personId: created.id }).where(inArray(meetingParticipants.id, parts.map((p) => p.id)));
    const movedQuotes = parts.length
      ? (
          await tx
            .update(quotes)
            .set({ speakerPersonId: created.id })
            .where(and(eq(quotes.speakerPersonId, input.personId), inArray(quotes.meetingId, parts.map((p) => p.meetingId))))
            .returning({ id: quotes.id })
        ).map((r) => r.id)
      : [];
    if (aliases.length) await tx.update(personAliases).set({ personId: created.id }).where(inArray(personAliases.id, aliases.map((a) => a.id)));
    await ensureAlias(tx, created.id, input.name, "editor");
    await recordHistory(tx, [
      {
        entityType: "person",
        entityId: input.personId,
        action: "split",
        field: "participants",
        after: { newPersonId: created.id, participants: parts.map((p) => p.id), quotes: movedQuotes, aliases: aliases.map((a) => a.id) },
        userId,
      },
      { entityType: "person", entityId: created.id, action: "create", after: { name: input.name, splitFrom: input.personId }, userId },
    ]);
    return { ok: true, newPersonId: created.id };
  });
}
