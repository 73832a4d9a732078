// The extractor's rule data (lib/extract/rules) carries the sentences that justify each rule;
// here every example must match its rule and every counterexample must not.
import { describe, expect, it } from "vitest";
import { collectMentions } from "@/lib/extract/contacts/mentions";
import { addTitleReferences } from "@/lib/extract/contacts/references";
import { segmentArticle } from "@/lib/extract/contacts/units";
import { findPeople } from "@/lib/extract/names";
import { compilePartners, compileThemes, defaultRegistry } from "@/lib/extract/registry";
import { RULES } from "@/lib/extract/rules/contacts";
import { COLLECTIVE_HEADS, REFERENCE_HEADS } from "@/lib/extract/rules/references";
import { TRIGGER_RULES } from "@/lib/extract/rules/triggers";

describe("trigger rules", () => {
  for (const rule of TRIGGER_RULES) {
    it(`${rule.id}: matches its examples and none of its counterexamples`, () => {
      expect(rule.examples.length, "a rule needs at least one example").toBeGreaterThan(0);
      for (const e of rule.examples) expect(rule.quick.test(e) && rule.pattern.test(e), e).toBe(true);
      for (const c of rule.counterexamples) expect(rule.quick.test(c) && rule.pattern.test(c), c).toBe(false);
    });
  }
});

describe("contact pattern rules", () => {
  for (const rule of RULES) {
    it(`${rule.id}: matches its examples and none of its counterexamples`, () => {
      for (const e of rule.examples) expect(rule.pattern.test(e), e).toBe(true);
      for (const c of rule.counterexamples) expect(rule.pattern.test(c), c).toBe(false);
    });
  }
});

describe("title references", () => {
  const registry = defaultRegistry();
  const partners = compilePartners(registry);
  const themes = compileThemes(registry);
  const examples = [...REFERENCE_HEADS.values(), ...COLLECTIVE_HEADS.values()].flatMap((h) => h.examples.map((e) => ({ lemma: h.lemma, ...e })));
  it("has examples", () => expect(examples.length).toBeGreaterThan(3));
  for (const e of examples) {
    it(`${e.lemma}: «${e.sentence}» refers to ${e.refersTo}`, () => {
      const text = `${e.before}\n${e.sentence}`;
      const { mentions } = findPeople(text);
      const input = { text, title: null, publishedOn: null, mentions, partnerMentions: partners.find(text), partners, themes };
      const m = addTitleReferences(collectMentions(segmentArticle(text), input));
      const second = m.sentences.length - 1;
      const resolved = m.infos.filter((i) => i.byTitle && i.sentence === second).map((i) => i.name);
      expect(resolved).toContain(e.refersTo);
    });
  }
});
