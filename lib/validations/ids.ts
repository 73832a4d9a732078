// Row ids are PostgreSQL integers: anything past 2^31-1 in a URL or a form is "not found"
// or a field error at the edge, never a query that fails as a 500.
export const MAX_DB_ID = 2_147_483_647;

export const isDbId = (n: number): boolean => Number.isInteger(n) && n > 0 && n <= MAX_DB_ID;

/** PostgreSQL text cannot hold a NUL character: such input is refused at the edge, not sent to a query. */
export const hasNoNul = (s: string): boolean => !s.includes("\u0000");
