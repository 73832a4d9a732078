// Queue state lives in the URL so a view can be shared: these build the links that
// keep the filters (and drop or set the page cursor).
import type { QueueFilters } from "@/db/queries/meetings";
import type { QueueParams } from "@/lib/validations/meetings";

const filterKeys = ["status", "kind", "partner", "official", "theme", "outlet", "from", "to", "minConf", "maxConf", "q", "sort"] as const;

/** The filter part of the query string (no cursor), e.g. "status=pending&kind=meeting". */
export function filterQuery(params: QueueParams, overrides: Partial<Record<string, string | number | undefined>> = {}): string {
  const out = new URLSearchParams();
  for (const key of filterKeys) {
    const value = key in overrides ? overrides[key] : params[key];
    if (value !== undefined && value !== "") out.set(key, String(value));
  }
  return out.toString();
}

export function queueHref(params: QueueParams, overrides: Partial<Record<string, string | number | undefined>> = {}): string {
  const q = filterQuery(params, overrides);
  return q ? `/records?${q}` : "/records";
}

/** The status tab shown when the URL names none: the review queue proper. */
export const defaultStatus = "pending" as const;

export function toFilters(params: QueueParams): QueueFilters {
  const status = params.status ?? defaultStatus;
  return {
    status: status === "all" ? undefined : status,
    kind: params.kind,
    partnerId: params.partner,
    homeOfficial: params.official,
    theme: params.theme,
    outlet: params.outlet,
    dateFrom: params.from,
    dateTo: params.to,
    minConfidence: params.minConf != null ? params.minConf / 100 : undefined,
    maxConfidence: params.maxConf != null ? params.maxConf / 100 : undefined,
    q: params.q,
  };
}
