import type { CommandContext } from "../command.js";
import { UserError } from "../errors.js";
import type { WhenError } from "./natural.js";
import { formatDay, formatWhen } from "./format.js";

/** A date or time the bot could not read becomes a friendly, translated hint with examples. */
export function whenError(error: WhenError, typed: string, ctx: CommandContext): UserError {
  if (error.code === "past") {
    const format = error.wholeDay ? formatDay : formatWhen;
    return new UserError("when.past", { when: format(error.utcMs, ctx.settings.timezone, ctx.t.lang) });
  }
  return new UserError("when.unreadable", { found: typed });
}
