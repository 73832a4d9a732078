// Text for history values and proposals: one line per field, whatever its shape.
type Translate = (key: string, values?: Record<string, string | number>) => string;

interface Labels {
  t: Translate;
  themeLabel: (code: string) => string;
}

export function formatValue(field: string | null, value: unknown, { t, themeLabel }: Labels): string {
  if (value == null || (Array.isArray(value) && value.length === 0)) return "—";
  switch (field) {
    case "kind":
      return t(`kind.${String(value)}`);
    case "participants":
      return (value as { name: string; position: string | null; side: string }[])
        .map((p) => `${p.name}${p.position ? `, ${p.position}` : ""} (${t(`side.${p.side}`)})`)
        .join("; ");
    case "partners":
      return (value as { name: string }[]).map((p) => p.name).join(", ");
    case "themes":
      return (value as string[]).map(themeLabel).join(", ");
    case "quotes":
      return (value as { text: string; speaker: string | null }[])
        .map((q) => `«${q.text}»${q.speaker ? ` — ${q.speaker}` : ""}`)
        .join(" ");
    case "status": {
      const s = value as { status: string; reason?: string };
      return `${t(`status.${s.status}`)}${s.reason ? `: ${s.reason}` : ""}`;
    }
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}
