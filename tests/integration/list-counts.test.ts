// The registry lists count what their pages show: a person's name variants and meetings, a
// partner's aliases and meetings, a theme's records — each its own, not every row's.
import { describe, expect, it } from "vitest";
import { listPartners } from "@/db/queries/partners";
import { listPeople } from "@/db/queries/people";
import { meetingParticipants, partnerAliases, people, personAliases } from "@/db/schema";
import { createMeeting, createPartner } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("registry list counts on %s", (kind) => {
  const t = useTestDb(kind);

  it("gives each person and partner their own numbers", async () => {
    const [a, b] = await t.db
      .insert(people)
      .values([
        { name: "Маулен Ашимбаев", normalized: "маулен ашимбаев" },
        { name: "Ерлан Кошанов", normalized: "ерлан кошанов" },
      ])
      .returning({ id: people.id });
    await t.db.insert(personAliases).values([
      { personId: a.id, alias: "Маулен Ашимбаев", normalized: "маулен ашимбаев" },
      { personId: a.id, alias: "М. Ашимбаев", normalized: "м. ашимбаев" },
      { personId: b.id, alias: "Ерлан Кошанов", normalized: "ерлан кошанов" },
    ]);
    const japan = await createPartner(t.db, { nameRu: "Япония", code: "JP" });
    const korea = await createPartner(t.db, { nameRu: "Корея", code: "KR" });
    await t.db.insert(partnerAliases).values([
      { partnerId: japan, alias: "Страна восходящего солнца", normalized: "страна восходящего солнца" },
      { partnerId: japan, alias: "Японии", normalized: "японии" },
    ]);
    for (let i = 0; i < 3; i++) {
      const m = await createMeeting(t.db, { partnerIds: [japan] });
      await t.db.insert(meetingParticipants).values({ meetingId: m.id, name: "Маулен Ашимбаев", side: "home", personId: a.id, ordinal: 0 });
    }
    await createMeeting(t.db, { partnerIds: [korea] });

    const peopleRows = (await listPeople(t.db, {})).rows;
    const byName = Object.fromEntries(peopleRows.map((r) => [r.name, r]));
    expect([byName["Маулен Ашимбаев"].meetings, byName["Маулен Ашимбаев"].variants]).toEqual([3, 2]);
    expect([byName["Ерлан Кошанов"].meetings, byName["Ерлан Кошанов"].variants]).toEqual([0, 1]);

    const partnerRows = (await listPartners(t.db, {})).rows;
    const partner = Object.fromEntries(partnerRows.map((r) => [r.nameRu, r]));
    expect([partner["Япония"].meetings, partner["Япония"].aliases]).toEqual([3, 2]);
    expect([partner["Корея"].meetings, partner["Корея"].aliases]).toEqual([1, 0]);
  });
});
