import { nextOccurrence, type Rule } from "../../../src/kernel/time/recurrence.js";
import type { TermCalendar } from "./state.js";

export const DEFAULT_ANNOUNCE_RULE: Rule = { kind: "weekly", weekday: 1, time: "09:00" };

/** Terms end at the room's announcement instants, so a handover is always announced as it happens. */
export function calendarFromRule(rule: Rule, zone: string): TermCalendar {
  return {
    nextBoundary(afterUtc: number): number {
      const next = nextOccurrence(rule, zone, afterUtc);
      if (next === null) throw new RangeError("a rotation needs a repeating announcement rule");
      return next;
    },
  };
}
