/** What a meeting-time poll's answers say: how many can make each slot, and the slots most can make. */
export interface SlotTally {
  /** People who can make each slot, by slot number (index 0 is slot 1). */
  counts: number[];
  /** Who answered with at least one slot. */
  voters: number;
  /** The slot numbers most can make; empty when nobody answered. */
  leaders: number[];
}

/** Counts the answers (each a member's slot numbers; unknown numbers and repeats are ignored). */
export function tallySlots(answers: readonly (readonly number[])[], slotCount: number): SlotTally {
  const counts = Array.from({ length: slotCount }, () => 0);
  let voters = 0;
  for (const slots of answers) {
    const known = [...new Set(slots)].filter((s) => Number.isInteger(s) && s >= 1 && s <= slotCount);
    if (known.length === 0) continue;
    voters += 1;
    for (const s of known) counts[s - 1]! += 1;
  }
  const most = Math.max(0, ...counts);
  const leaders = most === 0 ? [] : counts.flatMap((c, i) => (c === most ? [i + 1] : []));
  return { counts, voters, leaders };
}
