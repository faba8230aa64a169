import type { CommandContext } from "../command.js";
import { UserError } from "../errors.js";
import { MAX_YEARS_AHEAD, type DurationError, type WhenError } from "./natural.js";
import { formatDay, formatWhen } from "./format.js";

/** A date or time the bot could not read becomes a friendly, translated hint with examples. */
export function whenError(
  error: WhenError,
  typed: string,
  ctx: Pick<CommandContext, "settings" | "t" | "now">,
): UserError {
  if (error.code === "past") {
    const format = error.wholeDay ? formatDay : formatWhen;
    return new UserError("when.past", { when: format(error.utcMs, ctx.settings.timezone, ctx.t.lang, ctx.now) });
  }
  // The typed words, not the date: "9999-12-31" is clearer than a weekday nobody meant.
  if (error.code === "too-far") return new UserError("when.too_far", { found: typed, years: MAX_YEARS_AHEAD });
  return new UserError("when.unreadable", { found: typed });
}

/** A duration the bot could not read, or one longer than anything it plans. */
export function durationError(error: DurationError, typed: string): UserError {
  if (error.code === "too-long") return new UserError("duration.too_long", { found: typed, years: MAX_YEARS_AHEAD });
  return new UserError("duration.unreadable", { found: typed });
}
