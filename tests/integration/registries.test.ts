import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  evidence,
  history,
  meetingParticipants,
  meetingPartners,
  meetingThemes,
  partnerAliases,
  partners,
  people,
  personAliases,
  quotes,
  themeKeywords,
  themes,
} from "@/db/schema";
import { loadRegistry } from "@/lib/app-extractor";
import { addPartnerAlias, mergePartners, undoPartnerMerge } from "@/lib/registries/partners";
import { mergePeople, splitPerson, undoPersonMerge } from "@/lib/registries/people";
import { addThemeKeyword, mergeThemes, setThemeRetired } from "@/lib/registries/themes";
import { createMeeting, createPartner, createThemes, createUser } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("registries on %s", (kind) => {
  const t = useTestDb(kind);

  async function partnerState(ids: number[]) {
    const links = await t.db.select({ m: meetingPartners.meetingId, p: meetingPartners.partnerId, s: meetingPartners.source }).from(meetingPartners).orderBy(asc(meetingPartners.meetingId), asc(meetingPartners.partnerId));
    const aliases = await t.db.select({ id: partnerAliases.id, p: partnerAliases.partnerId, a: partnerAliases.alias }).from(partnerAliases).orderBy(asc(partnerAliases.id));
    const rows = await t.db.select({ id: partners.id, parent: partners.parentId, merged: partners.mergedIntoId }).from(partners).orderBy(asc(partners.id));
    const ev = await t.db.select({ m: evidence.meetingId, k: evidence.valueKey }).from(evidence).orderBy(asc(evidence.id));
    return { links, aliases, rows: rows.filter((r) => ids.includes(r.id)), ev };
  }

  it("merges a partner into another and undoes the merge exactly", async () => {
    const admin = await createUser(t.db, "admin");
    const osce = await createPartner(t.db, { nameRu: "ОБСЕ", type: "organization", code: "OSCE" });
    const office = await createPartner(t.db, { nameRu: "Офис ОБСЕ", type: "organization" });
    const child = await createPartner(t.db, { nameRu: "Отдел Офиса ОБСЕ", type: "organization", parentId: office });
    await addPartnerAlias(t.db, admin, { partnerId: office, alias: "Офис ОБСЕ в Астане" });
    // m1 names only the office, m2 names both (the composite key must not collide).
    const m1 = await createMeeting(t.db, { partnerIds: [office], evidence: [{ field: "partner", valueKey: String(office), start: 0, end: 4 }] });
    const m2 = await createMeeting(t.db, { partnerIds: [office, osce] });
    const before = await partnerState([osce, office, child]);

    const merged = await mergePartners(t.db, admin, { loserId: office, survivorId: osce });
    expect(merged.ok).toBe(true);
    const links = await t.db.select().from(meetingPartners).orderBy(asc(meetingPartners.meetingId));
    expect(links.map((l) => [l.meetingId, l.partnerId])).toEqual([
      [m1.id, osce],
      [m2.id, osce],
    ]);
    const osceAliases = (await t.db.select().from(partnerAliases).where(eq(partnerAliases.partnerId, osce))).map((a) => a.alias).sort();
    expect(osceAliases).toEqual(["Офис ОБСЕ", "Офис ОБСЕ в Астане"]);
    const [loser] = await t.db.select().from(partners).where(eq(partners.id, office));
    expect(loser.mergedIntoId).toBe(osce);
    const [kid] = await t.db.select().from(partners).where(eq(partners.id, child));
    expect(kid.parentId).toBe(osce);
    const [ev] = await t.db.select().from(evidence).where(eq(evidence.meetingId, m1.id));
    expect(ev.valueKey).toBe(String(osce));
    // The extractor's registry now finds the office's names as ОБСЕ.
    const registry = await loadRegistry(t.db);
    expect(registry.partners.find((p) => p.code === "OSCE")!.aliases).toEqual(expect.arrayContaining(["Офис ОБСЕ", "Офис ОБСЕ в Астане"]));
    expect(registry.partners.some((p) => p.name === "Офис ОБСЕ")).toBe(false);
    // A second merge of the same loser is refused.
    expect(await mergePartners(t.db, admin, { loserId: office, survivorId: osce })).toEqual({ ok: false, code: "already_merged" });

    const undone = await undoPartnerMerge(t.db, admin, { partnerId: office });
    expect(undone).toEqual({ ok: true, survivorId: osce });
    const after = await partnerState([osce, office, child]);
    expect(after.links).toEqual(before.links);
    expect(after.aliases).toEqual(before.aliases);
    expect(after.rows).toEqual(before.rows);
    expect(after.ev).toEqual(before.ev);
    const actions = (await t.db.select().from(history).where(eq(history.entityType, "partner")).orderBy(asc(history.id))).map((h) => [h.entityId, h.action]);
    expect(actions).toEqual(expect.arrayContaining([[office, "merge"], [osce, "absorb"], [office, "unmerge"], [osce, "release"]]));
    expect(await undoPartnerMerge(t.db, admin, { partnerId: office })).toEqual({ ok: false, code: "not_merged" });
  });

  it("merges two people (participants, quotes, variants) and undoes it; splits a person", async () => {
    const admin = await createUser(t.db, "admin");
    const [daniel] = await t.db.insert(people).values({ name: "Дэниел Розенблюм", normalized: "дэниел розенблюм", side: "partner" }).returning();
    const [danielVariant] = await t.db.insert(people).values({ name: "Даниэл Розенблюм", normalized: "даниэл розенблюм" }).returning();
    const [variantAlias] = await t.db
      .insert(personAliases)
      .values({ personId: danielVariant.id, alias: "Даниэл Розенблюм", normalized: "даниэл розенблюм", source: "extractor" })
      .returning();
    const m1 = await createMeeting(t.db, { participants: [{ name: "Дэниел Розенблюм", side: "partner" }], quotes: [{ text: "Мы рады.", speaker: "Дэниел Розенблюм" }] });
    const m2 = await createMeeting(t.db, { participants: [{ name: "Даниэл Розенблюм", side: "partner" }], quotes: [{ text: "Спасибо.", speaker: "Даниэл Розенблюм" }] });
    await t.db.update(meetingParticipants).set({ personId: daniel.id }).where(eq(meetingParticipants.meetingId, m1.id));
    await t.db.update(meetingParticipants).set({ personId: danielVariant.id }).where(eq(meetingParticipants.meetingId, m2.id));
    await t.db.update(quotes).set({ speakerPersonId: danielVariant.id }).where(eq(quotes.meetingId, m2.id));

    const r = await mergePeople(t.db, admin, { loserId: danielVariant.id, survivorId: daniel.id });
    expect(r.ok).toBe(true);
    const parts = await t.db.select().from(meetingParticipants).orderBy(asc(meetingParticipants.meetingId));
    expect(parts.map((p) => p.personId)).toEqual([daniel.id, daniel.id]);
    const [q2] = await t.db.select().from(quotes).where(eq(quotes.meetingId, m2.id));
    expect(q2.speakerPersonId).toBe(daniel.id);
    const variants = await t.db.select().from(personAliases).where(eq(personAliases.personId, daniel.id));
    expect(variants.map((v) => v.alias)).toContain("Даниэл Розенблюм");
    expect(variants.every((v) => v.source !== "extractor")).toBe(true);
    // The extractor knows the variant as the same person.
    const registry = await loadRegistry(t.db);
    expect(registry.people).toEqual(expect.arrayContaining([{ name: "Дэниел Розенблюм", aliases: ["Даниэл Розенблюм"] }]));

    expect((await undoPersonMerge(t.db, admin, { personId: danielVariant.id })).ok).toBe(true);
    const back = await t.db.select().from(meetingParticipants).orderBy(asc(meetingParticipants.meetingId));
    expect(back.map((p) => p.personId)).toEqual([daniel.id, danielVariant.id]);
    const [q2b] = await t.db.select().from(quotes).where(eq(quotes.meetingId, m2.id));
    expect(q2b.speakerPersonId).toBe(danielVariant.id);
    const [aliasBack] = await t.db.select().from(personAliases).where(eq(personAliases.id, variantAlias.id));
    expect(aliasBack).toMatchObject({ personId: danielVariant.id, source: "extractor" });
    expect(await t.db.select().from(personAliases).where(eq(personAliases.personId, daniel.id))).toEqual([]);
    const [loserBack] = await t.db.select().from(people).where(eq(people.id, danielVariant.id));
    expect(loserBack.mergedIntoId).toBeNull();

    // Split: the m2 participation and the variant move to a new person.
    const split = await splitPerson(t.db, admin, { personId: danielVariant.id, name: "Даниил Розенблюм", participantIds: [m2.participantIds[0]], aliasIds: [variantAlias.id] });
    if (!split.ok) throw new Error(split.code);
    const [moved] = await t.db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, m2.id));
    expect(moved.personId).toBe(split.newPersonId);
    const [q] = await t.db.select().from(quotes).where(eq(quotes.meetingId, m2.id));
    expect(q.speakerPersonId).toBe(split.newPersonId);
    const [a] = await t.db.select().from(personAliases).where(eq(personAliases.id, variantAlias.id));
    expect(a.personId).toBe(split.newPersonId);
    const [h] = await t.db.select().from(history).where(and(eq(history.entityType, "person"), eq(history.action, "split")));
    expect(h).toMatchObject({ entityId: danielVariant.id, userId: admin });
    // Participations that are not the person's are refused.
    expect(await splitPerson(t.db, admin, { personId: daniel.id, name: "X Y", participantIds: [m2.participantIds[0]], aliasIds: [] })).toEqual({ ok: false, code: "invalid" });
  });

  it("retires and merges themes: records and keywords move, the extractor stops offering the loser", async () => {
    const admin = await createUser(t.db, "admin");
    await createThemes(t.db);
    await addThemeKeyword(t.db, admin, { themeCode: "culture", keyword: "культур" });
    await addThemeKeyword(t.db, admin, { themeCode: "culture", keyword: "выставк" });
    await addThemeKeyword(t.db, admin, { themeCode: "parliament", keyword: "выставк" });
    await addThemeKeyword(t.db, admin, { themeCode: "economy", keyword: "торгов" });
    const m1 = await createMeeting(t.db, { themes: ["culture"] });
    const m2 = await createMeeting(t.db, { themes: ["culture", "parliament"] });

    expect((await setThemeRetired(t.db, admin, { code: "economy", retired: true })).ok).toBe(true);
    let registry = await loadRegistry(t.db);
    expect(registry.themes.map((x) => x.code)).not.toContain("economy");
    const [eco] = await t.db.select().from(themes).where(eq(themes.code, "economy"));
    expect(eco.retiredAt).not.toBeNull();
    expect((await setThemeRetired(t.db, admin, { code: "economy", retired: false })).ok).toBe(true);
    registry = await loadRegistry(t.db);
    expect(registry.themes.map((x) => x.code)).toContain("economy");

    expect((await mergeThemes(t.db, admin, { loser: "culture", survivor: "parliament" })).ok).toBe(true);
    const links = await t.db.select().from(meetingThemes).orderBy(asc(meetingThemes.meetingId));
    expect(links.map((l) => [l.meetingId, l.themeCode])).toEqual([
      [m1.id, "parliament"],
      [m2.id, "parliament"],
    ]);
    const kws = await t.db.select().from(themeKeywords).orderBy(asc(themeKeywords.id));
    expect(kws.filter((k) => k.themeCode === "parliament").map((k) => k.keyword).sort()).toEqual(["выставк", "культур"]);
    const [culture] = await t.db.select().from(themes).where(eq(themes.code, "culture"));
    expect(culture.mergedInto).toBe("parliament");
    expect(culture.retiredAt).not.toBeNull();
    registry = await loadRegistry(t.db);
    expect(registry.themes.map((x) => x.code)).not.toContain("culture");
    expect(registry.themes.find((x) => x.code === "parliament")!.keywords).toEqual(expect.arrayContaining(["культур", "выставк"]));
    const rows = await t.db.select().from(history).where(eq(history.entityType, "theme"));
    expect(rows.map((r) => [r.action, r.field])).toEqual(expect.arrayContaining([["retire", "economy"], ["unretire", "economy"], ["merge", "culture"]]));
  });
});
