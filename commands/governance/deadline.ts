import type { CommandContext } from "../../src/kernel/command.js";
import { UserError } from "../../src/kernel/errors.js";
import { formatLocalDateTime, resolveLocal, toLocal } from "../../src/kernel/time/local-time.js";
import { readUntil } from "../../src/kernel/time/read.js";
import { meansMeeting } from "./rules/proposal-text.js";

const MINUTE = 60_000;
export const DEFAULT_HOURS = 48;
/** A meeting's opener comes this long before it (see meetings); a meeting lasts this long. */
const OPENER_LEAD_MINUTES = 15;
const MEETING_MINUTES = 120;
const MIN_MINUTES = 10;
const MAX_DAYS = 90;

/** The end of the room's next scheduled meeting, read from the meetings' opener jobs. */
export function nextMeetingEnd(ctx: Pick<CommandContext, "jobs">): number | undefined {
  const starts = ctx.jobs
    .byKind("meeting.opener")
    .map((job) => job.nextRunUtc)
    .filter((at): at is number => at !== null)
    .map((at) => at + (OPENER_LEAD_MINUTES + MEETING_MINUTES) * MINUTE);
  return starts.length === 0 ? undefined : Math.min(...starts);
}

/**
 * When a proposal closes, on a whole minute of the room's clock (the closing job runs then): in 48
 * hours, at the end of the next meeting, or when "until …" says; from 10 minutes to 90 days ahead.
 */
export function deadlineOf(until: string | undefined, ctx: CommandContext): { closesAt: number; local: string } {
  let at: number;
  if (until === undefined) at = ctx.now + DEFAULT_HOURS * 60 * MINUTE;
  else if (meansMeeting(until)) {
    const end = nextMeetingEnd(ctx);
    if (end === undefined) throw new UserError("proposal.no_meeting", { example: ctx.hint("meeting", { when: ctx.t.text("proposal.example.meeting_when") }) });
    at = end;
  } else {
    at = readUntil(until, ctx).utcMs;
  }
  if (at - ctx.now < MIN_MINUTES * MINUTE || at - ctx.now > MAX_DAYS * 86_400_000) throw new UserError("proposal.deadline_range", { min: MIN_MINUTES, days: MAX_DAYS });
  const local = formatLocalDateTime(toLocal(ctx.settings.timezone, at));
  return { closesAt: resolveLocal(ctx.settings.timezone, toLocal(ctx.settings.timezone, at)), local };
}
