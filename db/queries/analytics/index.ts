// The analytics page's reads, one module per chart (each with its fact-table and
// base-table SQL), the export's pages and the filter menus. Callers pass the database first.
export type { ChartOptions, Split } from "./base";
export * from "./count-filtered";
export * from "./export";
export * from "./filter-options";
export * from "./meetings-by-kind";
export * from "./not-met-for-a-while";
export * from "./partner-countries";
export * from "./partner-theme-heatmap";
export * from "./partners-by-type-region";
export * from "./partners-over-time";
export * from "./themes-over-time";
export * from "./top-counterparts";
export * from "./top-officials";
