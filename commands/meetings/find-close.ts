import type { CommandContext } from "../../src/kernel/authoring.js";
import type { Db } from "../../src/platform/db.js";
import { type MeetingFind, meetingFinds } from "./find-repository.js";
import { type PlanError, type Planned, planMeeting } from "./plan.js";
import { type SlotTally, tallySlots } from "./rules/slot-tally.js";

/** What the meeting-time polls' commands and their closing post use. */
export const findServices = (db: Db) => ({ finds: meetingFinds(db) });
export type FindSlice = ReturnType<typeof findServices>;

/** The job that closes a meeting-time poll at its deadline, and what its messages are about. */
export const FIND_CLOSE_KIND = "meeting.find.close";
export const findRef = (number: number) => `meetingfind:${number}`;

/** How a meeting-time poll ended; `names` says whether the room names who cannot come. */
export type Closing = { find: MeetingFind; tally: SlotTally; names: boolean } & (
  | { kind: "none" }
  | { kind: "tie" }
  | { kind: "chosen"; slot: number; planned: Planned; cannot: string[] }
  | { kind: "unplanned"; slot: number; error: PlanError }
);

type Scope = Pick<CommandContext<FindSlice, "jobs">, "slice" | "jobs" | "settings" | "now" | "roomId">;

const tallyOf = (find: MeetingFind, scope: Scope) =>
  tallySlots(
    scope.slice.finds.answers(find).map((a) => a.slots),
    find.slots.length,
  );

/**
 * Plans the meeting at one slot with `!meeting`'s own code (the opener, the duplicate check), and
 * names who answered without that slot.
 */
export function meetAt(find: MeetingFind, slot: number, scope: Scope): Closing {
  const tally = tallyOf(find, scope);
  const names = scope.slice.finds.showNames(scope.roomId);
  const at = find.slots[slot - 1] as number;
  const planned = planMeeting(scope.jobs, scope.settings.timezone, { kind: "once", at }, find.offline);
  if (!planned.ok) return { find, tally, names, kind: "unplanned", slot, error: planned.error };
  scope.slice.finds.choose(find, slot);
  const cannot = scope.slice.finds
    .answers(find)
    .filter((a) => a.slots.length > 0 && !a.slots.includes(slot))
    .map((a) => a.voter);
  return { find, tally, names, kind: "chosen", slot, planned: planned.value, cannot };
}

/** Closes the poll once: the slot most can make becomes the meeting; a tie waits for a moderator. */
export function closeFind(find: MeetingFind, scope: Scope): Closing | undefined {
  const tally = tallyOf(find, scope);
  const names = scope.slice.finds.showNames(scope.roomId);
  const tied = tally.leaders.length > 1 ? tally.leaders : [];
  if (!scope.slice.finds.close(find, scope.now, tied)) return undefined;
  if (tally.leaders.length === 0) return { find, tally, names, kind: "none" };
  if (tied.length > 0) return { find, tally, names, kind: "tie" };
  return meetAt(find, tally.leaders[0] as number, scope);
}
