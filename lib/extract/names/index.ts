export { findPeople, type FindPeopleOptions } from "./people";
export { nominativePhrase, nominativePlace } from "./phrase";
export { localShapedName } from "./lexicon";
