import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { history, meetingParticipants, meetingPartners, meetings, partnerAliases, partners, ruleProposals } from "@/db/schema";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { createAppExtractor } from "@/lib/app-extractor";
import { acceptProposal, learnFromHistory, rejectProposal } from "@/lib/registries/learning";
import { createPartner } from "@/lib/registries/partners";
import { previewProposal } from "@/lib/registries/rule-preview";
import { saveMeetingEdit } from "@/lib/meetings/save";
import { bundledRegistry, seedThemes } from "@/seed/seed";
import { seedRegistries } from "@/seed/registries";
import { createUser } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

const FIRST =
  "Астана, 12 марта 2024 года. Председатель Сената Маулен Ашимбаев встретился с руководителем Офиса ОБСЕ в Астане Фолькером Фрёбартом. Стороны обсудили сотрудничество в сфере безопасности.";
const NEXT =
  "Астана, 3 апреля 2024 года. Председатель Мажилиса Ерлан Кошанов принял главу Офиса ОБСЕ в Астане Фолькера Фрёбарта. Обсуждались вопросы региональной безопасности.";

describe.each(testDbKinds())("learning from corrections on %s", (kind) => {
  const t = useTestDb(kind);

  async function ingest(text: string, fileName: string) {
    const [outcome] = await ingestFile(t.db, { text, fileName, extractor: await createAppExtractor(t.db) });
    if (outcome.status !== "stored") throw new Error(`not stored: ${JSON.stringify(outcome)}`);
    const [m] = await t.db.select().from(meetings).where(eq(meetings.articleId, outcome.articleId)).orderBy(asc(meetings.ordinal));
    return m;
  }

  const partnerIdsOf = async (meetingId: number) =>
    (await t.db.select({ id: meetingPartners.partnerId }).from(meetingPartners).where(eq(meetingPartners.meetingId, meetingId))).map((r) => r.id);

  it("an accepted correction is used by the next extraction of a new article", async () => {
    await seedThemes(t.db);
    await seedRegistries(t.db, bundledRegistry());
    const admin = await createUser(t.db, "admin");
    const editor = await createUser(t.db, "editor");
    const [osce] = await t.db.select({ id: partners.id }).from(partners).where(eq(partners.code, "OSCE"));
    const office = await createPartner(t.db, admin, {
      type: "organization",
      code: null,
      nameRu: "Офис программ ОБСЕ в Астане",
      nameEn: null,
      fullNameRu: null,
      fullNameEn: null,
      region: null,
      parentId: osce.id,
    });
    if (!office.ok) throw new Error(office.code);
    const officeId = office.id;

    // The extractor reads «Офиса ОБСЕ» as ОБСЕ; the editor corrects partner and a name.
    async function correct(text: string, fileName: string) {
      const m = await ingest(text, fileName);
      expect(await partnerIdsOf(m.id)).toEqual([osce.id]);
      const participants = await t.db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, m.id)).orderBy(asc(meetingParticipants.ordinal));
      expect(participants.map((p) => p.name)).toEqual(["Маулен Ашимбаев", "Фолькер Фрёбарт"]);
      const saved = await saveMeetingEdit(t.db, {
        userId: editor,
        edit: {
          id: m.id,
          baseVersion: m.version,
          confirm: [],
          changes: {
            partners: [{ id: officeId }],
            participants: participants.map((p) => ({ id: p.id, name: p.name === "Фолькер Фрёбарт" ? "Фолькер Фробарт" : p.name, position: p.position, side: p.side })),
          },
        },
      });
      expect(saved.status).toBe("saved");
      return m;
    }

    // One correction is no evidence: nothing is proposed yet.
    const first = await correct(FIRST, "first.txt");
    expect(await learnFromHistory(t.db)).toMatchObject({ proposals: 0 });
    // A second record from another article: two are not enough either.
    const second = await correct(FIRST.replace("12 марта", "19 марта").replace("безопасности", "транспорта"), "second.txt");
    expect(await learnFromHistory(t.db)).toMatchObject({ proposals: 0 });
    // The third record from a third article: the alias and the name are proposed, exactly those.
    const third = await correct(FIRST.replace("12 марта", "26 марта").replace("безопасности", "образования"), "third.txt");
    expect(await learnFromHistory(t.db)).toMatchObject({ proposals: 2 });
    // Each correction is considered once.
    expect(await learnFromHistory(t.db)).toEqual({ proposals: 0, rows: 0 });
    const proposals = await t.db.select().from(ruleProposals).orderBy(asc(ruleProposals.id));
    expect(proposals.map((p) => p.kind).sort()).toEqual(["partner_alias", "person_alias"]);
    const partnerProposal = proposals.find((p) => p.kind === "partner_alias")!;
    expect(partnerProposal.payload).toMatchObject({
      alias: "Офиса ОБСЕ",
      partnerId: office.id,
      replacedPartnerId: osce.id,
      support: { records: 3, articles: 3, meetingIds: [first.id, second.id, third.id] },
    });
    expect(partnerProposal).toMatchObject({ status: "pending", meetingId: third.id, proposedBy: editor });
    const personProposal = proposals.find((p) => p.kind === "person_alias")!;
    expect(personProposal.payload).toMatchObject({ alias: "Фолькер Фрёбарт", name: "Фолькер Фробарт" });

    // Another pending record, untouched by editors, that reads the same words.
    const other = await ingest(FIRST.replace("12 марта", "14 марта").replace("безопасности", "экономики"), "other.txt");
    expect(await partnerIdsOf(other.id)).toEqual([osce.id]);

    // Before deciding, the admin sees what the rule would change: only the untouched record.
    const preview = await previewProposal(t.db, admin, { id: partnerProposal.id, alias: "Офис ОБСЕ" });
    if (!preview.ok) throw new Error(preview.code);
    expect(preview.affected.map((a) => [a.meetingId, a.before, a.after])).toEqual([[other.id, ["OSCE"], ["Офис программ ОБСЕ в Астане"]]]);
    // Previewing wrote nothing: the bundled alias «Офис ОБСЕ» still names ОБСЕ itself.
    const [bundled] = await t.db.select().from(partnerAliases).where(eq(partnerAliases.normalized, "офис обсе"));
    expect(bundled.partnerId).toBe(osce.id);

    // The admin writes the alias in the nominative; the matcher finds its case forms.
    const accepted = await acceptProposal(t.db, admin, { id: partnerProposal.id, alias: "Офис ОБСЕ" });
    if (!accepted.ok) throw new Error(accepted.code);
    const [alias] = await t.db.select().from(partnerAliases).where(eq(partnerAliases.normalized, "офис обсе"));
    expect(alias.partnerId).toBe(office.id);
    // The untouched pending record would now change: it is listed for re-extraction (the corrected one already agrees).
    expect(accepted.affected.map((a) => a.meetingId)).toEqual([other.id]);
    expect(accepted.affected[0].after).toEqual(["Офис программ ОБСЕ в Астане"]);
    expect(await acceptProposal(t.db, admin, { id: partnerProposal.id })).toEqual({ ok: false, code: "conflict" });

    const personAccepted = await acceptProposal(t.db, admin, { id: personProposal.id });
    expect(personAccepted.ok).toBe(true);

    // A NEW article through the app's extractor (built from the database registry).
    const next = await ingest(NEXT, "next.txt");
    expect(await partnerIdsOf(next.id)).toEqual([office.id]);
    const names = (await t.db.select().from(meetingParticipants).where(eq(meetingParticipants.meetingId, next.id))).map((p) => p.name);
    expect(names).toContain("Фолькер Фробарт");

    const decisions = await t.db
      .select({ action: history.action })
      .from(history)
      .where(and(eq(history.entityType, "rule_proposal"), eq(history.entityId, partnerProposal.id)));
    expect(decisions.map((d) => d.action).sort()).toEqual(["accept", "propose"]);
  });

  it("a theme added in three articles proposes the word they share, never a word that is everywhere; a rejected proposal is not made again", async () => {
    await seedThemes(t.db);
    await seedRegistries(t.db, bundledRegistry());
    const editor = await createUser(t.db, "editor");
    const admin = await createUser(t.db, "admin");
    // Sixteen articles that all speak of «сотрудничество»; three of them also of volunteers.
    const volunteer = "Отдельно обсуждалось участие волонтёров: волонтёрские центры, волонтёрские программы и волонтёрские обмены.";
    const added: number[] = [];
    for (let day = 1; day <= 16; day++) {
      const text =
        // days three apart: reports of one meeting a day apart would be joined as sources of one record
        `Астана, ${2 + 3 * ((day - 1) % 9)} ${day <= 9 ? "мая" : "июня"} 2024 года. Председатель Сената Маулен Ашимбаев встретился с послом Японии. ` +
        `Стороны обсудили сотрудничество, сотрудничество регионов и сотрудничество парламентов. ${day <= 3 ? volunteer : ""}`;
      const m = await ingest(text, `day-${day}.txt`);
      if (day <= 3) {
        const saved = await saveMeetingEdit(t.db, { userId: editor, edit: { id: m.id, baseVersion: m.version, confirm: [], changes: { themes: ["humanitarian"] } } });
        expect(saved.status).toBe("saved");
        added.push(m.id);
      }
      // After the first correction only: one record is no evidence.
      if (day === 1) {
        await learnFromHistory(t.db);
        expect(await t.db.select().from(ruleProposals)).toEqual([]);
      }
    }
    await learnFromHistory(t.db);
    const proposals = await t.db.select().from(ruleProposals).where(eq(ruleProposals.kind, "theme_keyword"));
    // «волонтерск» is in 3 of 16 articles: specific, and supported by three records.
    // «сотрудничеств» is in every article: it would fire everywhere, so it is not proposed.
    expect(proposals.map((p) => [p.payload.keyword, p.payload.themeCode, p.payload.action])).toEqual([["волонтерск", "humanitarian", "add"]]);
    expect(proposals[0].payload).toMatchObject({ support: { records: 3, articles: 3, meetingIds: added } });

    const registryBefore = (await t.db.select().from(partnerAliases)).length;
    expect(await rejectProposal(t.db, admin, { id: proposals[0].id })).toEqual({ ok: true });
    const [row] = await t.db.select().from(ruleProposals).where(eq(ruleProposals.id, proposals[0].id));
    expect(row).toMatchObject({ status: "rejected", decidedBy: admin });
    expect((await t.db.select().from(partnerAliases)).length).toBe(registryBefore);

    // A fourth agreeing correction does not bring a rejected rule back.
    const fourth = await ingest(`Астана, 28 июня 2024 года. Председатель Сената Маулен Ашимбаев встретился с послом Кореи. ${volunteer}`, "fourth.txt");
    await saveMeetingEdit(t.db, { userId: editor, edit: { id: fourth.id, baseVersion: fourth.version, confirm: [], changes: { themes: ["humanitarian"] } } });
    await learnFromHistory(t.db);
    expect((await t.db.select().from(ruleProposals).where(eq(ruleProposals.kind, "theme_keyword"))).length).toBe(1);
  });
});
