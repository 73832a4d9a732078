// The registry stage: the bundled registry and the matchers compiled from any registry
// (the bundled one or the database's).
export { defaultRegistry } from "./data";
export { compilePartners, type PartnerMatcherOptions } from "./partners";
export { compileThemes } from "./themes";
export { normalizeAlias } from "./text";
export { gazetteer, type Gazetteer } from "./places";
