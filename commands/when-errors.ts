import type { CommandContext } from "../src/core/command.js";
import { UserError } from "../src/core/errors.js";
import type { DurationError, WhenError } from "../src/domain/time/natural.js";
import { formatDay, formatWhen } from "../src/scheduler/posts/format.js";

/** A date or time the bot could not read becomes a friendly, translated hint with examples. */
export function whenError(error: WhenError, typed: string, ctx: CommandContext): UserError {
  if (error.code === "past") {
    const format = error.wholeDay ? formatDay : formatWhen;
    return new UserError("when.past", { when: format(error.utcMs, ctx.settings.timezone, ctx.t.lang) });
  }
  return new UserError("when.unreadable", { found: typed });
}

export function durationError(_error: DurationError, typed: string): UserError {
  return new UserError("duration.unreadable", { found: typed });
}
