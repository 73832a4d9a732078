// `npm run --silent explain -- FILE`: the contact pipeline's intermediate results for one file —
// each sentence with its role (trigger kind and strength, background, headline) and the people
// acting in it with their sides, then the contact groups and the events. For finding out why an
// article gives what it gives.
import { readFileSync } from "node:fs";
import { compilePartners, compileThemes, defaultRegistry } from "@/lib/extract/registry";
import { findPeople } from "@/lib/extract/names";
import { decodeBytes } from "@/lib/extract/text/decode";
import { looksLikeHtml } from "@/lib/extract/text/html";
import { prepareFile } from "@/lib/extract/text/prepare";
import { explainEvents } from "@/lib/extract/contacts/explain";

const registry = defaultRegistry();
const partners = compilePartners(registry);
const themes = compileThemes(registry);
for (const file of process.argv.slice(2)) {
  const decoded = decodeBytes(new Uint8Array(readFileSync(file)));
  const isHtml = /\.x?html?$/i.test(file) || looksLikeHtml(decoded.text);
  for (const article of prepareFile(decoded.text, isHtml)) {
    console.log(`== ${file}  (${article.language}, ${article.publishedOn ?? "no date"}, ${article.outlet ?? "no outlet"})\n   title: ${article.title ?? "—"}`);
    const partnerMentions = partners.find(article.text);
    const notPeople = partnerMentions.filter((pm) => pm.via !== "capital" && pm.via !== "demonym" && pm.via !== "adjective").map((pm) => pm.span);
    const { mentions } = findPeople(article.text, { known: registry.people, notPeople });
    const input = { text: article.text, title: article.title, publishedOn: article.publishedOn, mentions, partnerMentions, partners, themes };
    console.log(explainEvents(input));
  }
}
