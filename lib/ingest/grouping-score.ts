// Pairwise grouping score (issue 17): two articles are "together" when one record lists
// both among its sources; the gold says which files report the same contact. Pure, so a
// unit test checks the arithmetic and the scoring script reads real exported records.

export interface GroupingScore {
  precision: number;
  recall: number;
  truePairs: number;
  predictedPairs: number;
  goldPairs: number;
  /** Predicted pairs that are not gold ("a|b"), and gold pairs never predicted. */
  wrong: string[];
  missed: string[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function pairsOf(groups: Iterable<string[]>): Set<string> {
  const out = new Set<string>();
  for (const group of groups) {
    const files = [...new Set(group)].sort();
    for (let i = 0; i < files.length; i++) for (let j = i + 1; j < files.length; j++) out.add(pairKey(files[i], files[j]));
  }
  return out;
}

/** `records`: the files of each record's sources; `gold`: file → contact. Files outside the gold are ignored. */
export function scoreGrouping(records: string[][], gold: Record<string, string>): GroupingScore {
  const byContact = new Map<string, string[]>();
  for (const [file, contact] of Object.entries(gold)) byContact.set(contact, [...(byContact.get(contact) ?? []), file]);
  const goldPairs = pairsOf(byContact.values());
  const predicted = pairsOf(records.map((files) => files.filter((f) => f in gold)));
  const truePairs = [...predicted].filter((p) => goldPairs.has(p)).length;
  return {
    precision: predicted.size ? truePairs / predicted.size : 1,
    recall: goldPairs.size ? truePairs / goldPairs.size : 1,
    truePairs,
    predictedPairs: predicted.size,
    goldPairs: goldPairs.size,
    wrong: [...predicted].filter((p) => !goldPairs.has(p)).sort(),
    missed: [...goldPairs].filter((p) => !predicted.has(p)).sort(),
  };
}
