import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accuracyReport, correctionRate } from "@/db/queries/accuracy";
import { history, meetings } from "@/db/schema";
import { saveMeetingEdit } from "@/lib/meetings/save";
import type { MeetingChanges } from "@/lib/validations/meetings";
import { createMeeting, createPartner, createThemes, createUser } from "../helpers/fixtures-meetings";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("accuracy from editors' corrections on %s", (kind) => {
  const t = useTestDb(kind);

  it("counts approved records with each field corrected, by outlet and month", async () => {
    await createThemes(t.db);
    const editor = await createUser(t.db, "editor");
    const japan = await createPartner(t.db, { nameRu: "Япония", code: "JP" });
    const china = await createPartner(t.db, { nameRu: "Китай", code: "CN" });

    async function record(outlet: string, approvedOn: string | null, saves: MeetingChanges[]) {
      const m = await createMeeting(t.db, { article: { outlet }, partnerIds: [japan], themes: ["economy"] });
      let version = m.version;
      for (const changes of saves) {
        const r = await saveMeetingEdit(t.db, { userId: editor, edit: { id: m.id, baseVersion: version, confirm: [], changes } });
        if (r.status !== "saved") throw new Error(r.status);
        version = r.version;
      }
      if (approvedOn) await t.db.update(meetings).set({ status: "approved", reviewedAt: new Date(`${approvedOn}T12:00:00Z`) }).where(eq(meetings.id, m.id));
      return m.id;
    }

    // Hand count: 4 approved records; kind corrected in 2, partners 1, location 1, themes 1.
    await record("Tengrinews", "2024-03-10", [{ kind: "phone_call", partners: [{ id: china }] }]);
    await record("Tengrinews", "2024-04-05", [{ kind: "conference" }, { kind: "statement", location: "Алматы" }]);
    const untouched = await record("Tengrinews", "2024-04-20", []);
    await record("Kazinform", "2024-04-02", [{ themes: ["culture"] }]);
    // Not counted: a pending record's edit, the machine's re-extraction, an editor's confirmation.
    await record("Kazinform", null, [{ kind: "phone_call" }]);
    await t.db.insert(history).values([
      { entityType: "meeting", entityId: untouched, action: "reextract", field: "date", before: "2024-01-01", after: "2024-01-02", userId: null },
      { entityType: "meeting", entityId: untouched, action: "confirm", field: "quotes", before: [], after: [], userId: editor },
    ]);

    const report = await accuracyReport(t.db);
    expect(report.total.approved).toBe(4);
    expect(report.total.corrected).toEqual({ kind: 2, date: 0, location: 1, participants: 0, partners: 1, themes: 1, quotes: 0 });
    expect(correctionRate(report.total, "kind")).toBe(0.5);

    const tengri = report.byOutlet.find((c) => c.outlet === "Tengrinews")!;
    expect(tengri.approved).toBe(3);
    expect(tengri.corrected).toMatchObject({ kind: 2, location: 1, partners: 1, themes: 0 });
    const kazinform = report.byOutlet.find((c) => c.outlet === "Kazinform")!;
    expect(kazinform.approved).toBe(1);
    expect(kazinform.corrected).toMatchObject({ kind: 0, themes: 1 });

    expect(report.byMonth.map((c) => [c.month, c.approved, c.corrected.kind, c.corrected.partners, c.corrected.location, c.corrected.themes])).toEqual([
      ["2024-03", 1, 1, 1, 0, 0],
      ["2024-04", 3, 1, 0, 1, 1],
    ]);

    const april = await accuracyReport(t.db, { from: "2024-04-01", to: "2024-04-30" });
    expect(april.total.approved).toBe(3);
  });
});
