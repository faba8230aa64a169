/** One member of a room's circle, as the host rotation sees them. */
export interface CircleMember {
  userId: string;
  joinedAt: number;
  hostedCount: number;
  lastHostedAt: number | null;
}

/** Since when a member has been waiting to host: their last turn, or the day they joined. */
const waitingSince = (m: CircleMember) => m.lastHostedAt ?? m.joinedAt;

/**
 * The members in the order they will host: a fair round-robin. Whoever has waited longest hosts
 * next; a newcomer queues from the day they joined (behind those already waiting), so nobody is
 * skipped and nobody hosts twice before everyone who was there has hosted once.
 */
export function hostOrder(members: readonly CircleMember[]): CircleMember[] {
  return [...members].sort(
    (a, b) => waitingSince(a) - waitingSince(b) || a.joinedAt - b.joinedAt || a.userId.localeCompare(b.userId),
  );
}

export function nextHost(members: readonly CircleMember[]): CircleMember | undefined {
  return hostOrder(members)[0];
}
