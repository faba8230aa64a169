import { type CommandContext, UserError } from "../../src/kernel/authoring.js";
import { resolveLocal, toLocal } from "../../src/kernel/time/local-time.js";
import { readUntil } from "../../src/kernel/time/read.js";
import { nextMeetingEnd } from "../meetings/index.js";
import { meansMeeting } from "./rules/proposal-text.js";

const MINUTE = 60_000;
export const DEFAULT_HOURS = 48;
const MIN_MINUTES = 10;
const MAX_DAYS = 90;

/**
 * When a proposal closes, on a whole minute of the room's clock (the closing job runs then): in 48
 * hours, at the end of the next meeting, or when "until …" says; from 10 minutes to 90 days ahead.
 */
export function deadlineOf(until: string | undefined, ctx: CommandContext<unknown, "jobs">): number {
  let at: number;
  if (until === undefined) at = ctx.now + DEFAULT_HOURS * 60 * MINUTE;
  else if (meansMeeting(until)) {
    const end = nextMeetingEnd(ctx.jobs);
    if (end === undefined)
      throw new UserError("proposal.no_meeting", {
        example: ctx.hint("meeting", { when: ctx.t.text("proposal.example.meeting_when") }),
      });
    at = end;
  } else {
    at = readUntil(until, ctx).utcMs;
  }
  if (at - ctx.now < MIN_MINUTES * MINUTE || at - ctx.now > MAX_DAYS * 86_400_000)
    throw new UserError("proposal.deadline_range", { min: MIN_MINUTES, days: MAX_DAYS });
  return resolveLocal(ctx.settings.timezone, toLocal(ctx.settings.timezone, at));
}
