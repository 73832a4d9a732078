import { describe, expect, it } from "vitest";
import { perNumber, perRow } from "@/components/records/repeated-labels";

describe("labels repeated on every row", () => {
  it("fills a per-row value into a message formatted once", () => {
    let runs = 0;
    const label = perRow((id) => (runs++, `Select record ${id} now`));
    expect([label(7), label(55302)]).toEqual(["Select record 7 now", "Select record 55302 now"]);
    expect(runs).toBe(1);
  });

  it("keeps a message that does not show the value as it is", () => {
    const label = perRow(() => "Select");
    expect(label(7)).toBe("Select");
  });

  it("formats each distinct number once", () => {
    const seen: number[] = [];
    const more = perNumber((n) => (seen.push(n), `+${n} more`));
    expect([more(2), more(3), more(2)]).toEqual(["+2 more", "+3 more", "+2 more"]);
    expect(seen).toEqual([2, 3]);
  });
});
