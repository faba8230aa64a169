import { type CommandContext, err, ok, type Result, UserError } from "../../src/kernel/authoring.js";
import type { RoomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import type { Rule } from "../../src/kernel/time/recurrence.js";
import { clashingMeeting, nextHeld, OPENER_LEAD_MINUTES } from "./occurrences.js";
import { OPENER_KIND } from "./posts.js";

export interface Planned {
  weekly: boolean;
  meetingAt: number;
}

/** Why a meeting was not planned: too soon for its opener, or another meeting holds that time. */
export type PlanError = { code: "too_soon" } | { code: "duplicate"; weekly: boolean; when: number };

/**
 * Plans a meeting with its gratitude opener, as `!meeting` does and as a meeting-time poll does when
 * it closes: refused (and nothing kept) when it is too soon for the opener or repeats a meeting.
 */
export function planMeeting(jobs: RoomJobs, zone: string, rule: Rule, offline: boolean): Result<Planned, PlanError> {
  const others = jobs.byKind(OPENER_KIND);
  const job = jobs.schedule({
    kind: OPENER_KIND,
    rule,
    offsetMinutes: -OPENER_LEAD_MINUTES,
    payload: offline ? { offline: true } : {},
  });
  if (job.nextRunUtc === null) {
    jobs.delete(job.id);
    return err({ code: "too_soon" });
  }
  const meetingAt = job.nextRunUtc + OPENER_LEAD_MINUTES * 60_000;
  const clash = clashingMeeting(others, rule, zone, meetingAt);
  if (clash) {
    jobs.delete(job.id);
    return err({ code: "duplicate", weekly: clash.rule.kind === "weekly", when: nextHeld(clash) });
  }
  return ok({ weekly: rule.kind === "weekly", meetingAt });
}

/** The member's sentence for a meeting not planned. */
export function planRefusal(error: PlanError, view: Pick<CommandContext, "hint">): UserError {
  if (error.code === "too_soon")
    return new UserError("meeting.too_soon", { minutes: OPENER_LEAD_MINUTES, opener: view.hint("opener") });
  return new UserError(error.weekly ? "meeting.duplicate.weekly" : "meeting.duplicate.once", {
    when: (shown) => formatWhen(error.when, shown.settings.timezone, shown.t.lang, shown.now),
    list: view.hint("meetings"),
  });
}
