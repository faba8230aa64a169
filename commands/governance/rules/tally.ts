/** The four answers of a consent proposal, in the order the poll shows them. */
export const CONSENT = ["agree", "abstain", "disagree", "block"] as const;
export type ConsentAnswer = (typeof CONSENT)[number];

/** One answer as it arrived: who, what (answer ids; empty withdraws), when. */
export interface Response {
  voter: string;
  choices: readonly string[];
  at: number;
}

export interface Ballot {
  /** Option ids ("o1", "o2"…) for a choice; the consent answers otherwise. */
  answers: readonly string[];
  eligible: readonly string[];
  closesAt: number;
  /** Share of eligible members (percent) who must answer; null for no quorum. */
  quorumPercent: number | null;
  /** Or how many people must answer ("3 people"). */
  quorumPeople?: number | null;
}

/** `could_not_apply`: adopted, but what it changes is gone (an amended article was removed meanwhile). */
export type Outcome = "adopted" | "not_adopted" | "blocked" | "no_quorum" | "chosen" | "tie" | "could_not_apply";

/** What a closed ballot counted and what it decided. */
export interface Tally {
  outcome: Outcome;
  /** Votes per answer id, every answer listed (zeros too). */
  counts: Record<string, number>;
  voters: number;
  eligible: number;
  /** For a choice: the answer ids with the most votes. */
  leaders: string[];
}

/**
 * The responses that count: the latest of each eligible member, sent before the close, with known
 * answers; a withdrawn answer (empty) leaves that member out.
 */
export function countedResponses<R extends Response>(
  responses: readonly R[],
  ballot: Pick<Ballot, "answers" | "eligible" | "closesAt">,
): R[] {
  const eligible = new Set(ballot.eligible);
  const latest = new Map<string, R>();
  for (const r of responses) {
    if (!eligible.has(r.voter) || r.at > ballot.closesAt) continue;
    const before = latest.get(r.voter);
    if (!before || r.at >= before.at) latest.set(r.voter, r);
  }
  return [...latest.values()].filter((r) => r.choices.length > 0 && r.choices.every((c) => ballot.answers.includes(c)));
}

/** Totals per answer, from choice lists already counted. */
export function totals(
  choiceLists: readonly (readonly string[])[],
  answers: readonly string[],
): Record<string, number> {
  const counts = Object.fromEntries(answers.map((a) => [a, 0]));
  for (const choices of choiceLists) for (const c of new Set(choices)) if (c in counts) counts[c]! += 1;
  return counts;
}

/**
 * What the votes decide. Quorum first (answers, abstentions included, over eligible members); a
 * consent proposal is then blocked by any block, adopted with more agree than disagree; a choice
 * goes to the option with most votes, and a tie decides nothing.
 */
export function decide(choiceLists: readonly (readonly string[])[], ballot: Ballot, consent: boolean): Tally {
  const counts = totals(choiceLists, ballot.answers);
  const voters = choiceLists.length;
  const eligible = ballot.eligible.length;
  const base = { counts, voters, eligible, leaders: [] as string[] };
  if (ballot.quorumPercent !== null && voters * 100 < ballot.quorumPercent * eligible)
    return { ...base, outcome: "no_quorum" };
  if (ballot.quorumPeople != null && voters < ballot.quorumPeople) return { ...base, outcome: "no_quorum" };
  if (voters === 0) return { ...base, outcome: consent ? "not_adopted" : "tie" };
  if (consent) {
    if ((counts.block ?? 0) > 0) return { ...base, outcome: "blocked" };
    return { ...base, outcome: (counts.agree ?? 0) > (counts.disagree ?? 0) ? "adopted" : "not_adopted" };
  }
  const most = Math.max(...Object.values(counts));
  const leaders = ballot.answers.filter((a) => counts[a] === most);
  return { ...base, leaders, outcome: leaders.length === 1 ? "chosen" : "tie" };
}
