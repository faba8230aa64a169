/**
 * The assembly's host cell rotates among active cells, fairly: whoever hosted least goes next,
 * then whoever waited longest; where it can, the next host is of another sector than the last.
 */
export interface HostCandidate {
  cell: string;
  sector: string | null;
  timesHosted: number;
  /** Epoch ms of the last time it began hosting; null if never. */
  lastHosted: number | null;
  /** Stable order for ties (e.g. when it joined). */
  joinedAt: number;
}

export function nextHost(
  candidates: readonly HostCandidate[],
  previous: { cell: string; sector: string | null } | null,
): string | undefined {
  const others = candidates.filter((c) => c.cell !== previous?.cell);
  const pool = others.length > 0 ? others : candidates;
  const otherSector = previous?.sector ? pool.filter((c) => c.sector !== previous.sector) : [];
  const fairest = (list: readonly HostCandidate[]) =>
    [...list].sort(
      (a, b) =>
        a.timesHosted - b.timesHosted ||
        (a.lastHosted ?? -1) - (b.lastHosted ?? -1) ||
        a.joinedAt - b.joinedAt ||
        a.cell.localeCompare(b.cell),
    )[0];
  // Fairness first: a different sector is preferred only among those who hosted least.
  const least = Math.min(...pool.map((c) => c.timesHosted));
  const fairOtherSector = otherSector.filter((c) => c.timesHosted === least);
  return (fairOtherSector.length > 0 ? fairest(fairOtherSector) : fairest(pool))?.cell;
}
