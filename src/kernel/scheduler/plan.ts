import { nextOccurrence, type Rule } from "../time/recurrence.js";

export interface Plannable {
  rule: Rule;
  zone: string;
  offsetMinutes: number;
}

/** The next firing strictly after `afterUtc`: the rule's occurrence, shifted by the job's offset. */
export function nextFiring(job: Plannable, afterUtc: number): number | null {
  const shift = job.offsetMinutes * 60_000;
  const occurrence = nextOccurrence(job.rule, job.zone, afterUtc - shift);
  return occurrence === null ? null : occurrence + shift;
}
