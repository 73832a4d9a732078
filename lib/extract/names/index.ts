export { findPeople, type FindPeopleOptions } from "./people";
