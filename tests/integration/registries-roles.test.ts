import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import ru from "@/lib/i18n/messages/ru.json";
import { history, partnerAliases, partners, ruleProposals, themes } from "@/db/schema";
import {
  addPartnerAliasAction,
  createThemeAction,
  decideProposalAction,
  mergePartnersAction,
  proposePartnerAliasAction,
  updatePartnerAction,
} from "@/lib/actions/registries";
import { createPartner } from "../helpers/fixtures-meetings";
import { actAs, makeUser, resetSessionAfterEach } from "../helpers/auth-session";
import { testDbKinds, useTestDb } from "../helpers/test-db";

describe.each(testDbKinds())("registry roles on %s", (kind) => {
  const t = useTestDb(kind);
  resetSessionAfterEach();

  it("an editor cannot change registries but can propose; an admin decides", async () => {
    const editor = await makeUser(t.db, "editor");
    const admin = await makeUser(t.db, "admin");
    const osce = await createPartner(t.db, { nameRu: "ОБСЕ", type: "organization", code: "OSCE" });
    const office = await createPartner(t.db, { nameRu: "Офис ОБСЕ", type: "organization" });

    actAs(editor.id);
    const denied = [
      await mergePartnersAction(null, { loserId: office, survivorId: osce }),
      await addPartnerAliasAction(null, { partnerId: osce, alias: "Организация по безопасности" }),
      await updatePartnerAction(null, { id: osce, type: "organization", nameRu: "ОБСЕ!" }),
      await createThemeAction(null, { code: "sport", labelRu: "Спорт", labelEn: "Sport" }),
    ];
    for (const r of denied) expect(r).toEqual({ ok: false, message: expect.stringMatching(/нет прав/) });
    const [loser] = await t.db.select().from(partners).where(eq(partners.id, office));
    expect(loser.mergedIntoId).toBeNull();
    expect(await t.db.select().from(partnerAliases)).toEqual([]);
    expect(await t.db.select().from(themes)).toEqual([]);

    const proposed = await proposePartnerAliasAction(null, { partnerId: osce, alias: "Офис ОБСЕ в Астане" });
    expect(proposed).toMatchObject({ ok: true, message: ru.registries.codes.proposed });
    const [proposal] = await t.db.select().from(ruleProposals);
    expect(proposal).toMatchObject({ kind: "partner_alias", status: "pending", proposedBy: editor.id, payload: { alias: "Офис ОБСЕ в Астане", partnerId: osce } });
    // The editor cannot accept their own proposal.
    expect(await decideProposalAction(null, { id: proposal.id, decision: "accept" })).toEqual({ ok: false, message: expect.stringMatching(/нет прав/) });

    actAs(admin.id);
    const decided = await decideProposalAction(null, { id: proposal.id, decision: "accept" });
    expect(decided).toMatchObject({ ok: true, message: ru.registries.codes.accepted, data: { affected: [] } });
    const [alias] = await t.db.select().from(partnerAliases).where(eq(partnerAliases.partnerId, osce));
    expect(alias).toMatchObject({ alias: "Офис ОБСЕ в Астане", normalized: "офис обсе в астане", source: "learned" });
    expect(await mergePartnersAction(null, { loserId: office, survivorId: osce })).toMatchObject({ ok: true, message: ru.registries.codes.merged });
    expect(await mergePartnersAction(null, { loserId: osce, survivorId: osce })).toEqual({
      ok: false,
      message: ru.common.checkFields,
      fieldErrors: { survivorId: [ru.registries.errors.same] },
    });
    const rows = await t.db.select().from(history);
    expect(rows.filter((r) => r.userId === admin.id).map((r) => r.action)).toEqual(expect.arrayContaining(["alias_add", "accept", "merge"]));
    expect(rows.filter((r) => r.userId === editor.id).map((r) => r.action)).toEqual(["propose"]);
  });
});
