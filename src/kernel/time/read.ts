import type { CommandContext } from "../command.js";
import type { UserError } from "../errors.js";
import {
  parseTrailingWhen,
  parseUntil,
  parseWhen,
  type TimedText,
  type Until,
  type When,
  type WhenContext,
} from "./natural.js";
import { whenError } from "./when-errors.js";

/** What a typed time is read against: the room's zone and language, and the moment of the message. */
export type TimeView = Pick<CommandContext, "settings" | "t" | "now">;

/**
 * Every command reads times through these, so "in 2 hours", "viernes 17:00", "el viernes 17:00",
 * "mañana" and "12/04" mean the same in each command and in both languages (slash dates follow the
 * room's language).
 */
export function whenContextOf(view: TimeView): WhenContext {
  return { zone: view.settings.timezone, nowUtc: view.now, lang: view.t.lang };
}

/** A time ahead ("friday 17:00", "en 2 horas"), or a clear error saying what to type. */
export function readWhen(text: string, view: TimeView): When {
  const read = parseWhen(text, whenContextOf(view));
  if (!read.ok) throw whenError(read.error, text, view);
  return read.value;
}

/** An end ("until friday", "hasta el 20", "until in 2 hours"); a day alone includes that whole day. */
export function readUntil(text: string, view: TimeView): Until {
  const read = parseUntil(text, whenContextOf(view));
  if (!read.ok) throw whenError(read.error, text.trim().replace(/^(until|till|til|hasta)\s+/i, ""), view);
  return read.value;
}

/** A text ending with a time ("walkout in 2 hours", "huelga viernes 17:00"); undefined when it holds none. */
export function readTrailingWhen(text: string, view: TimeView): TimedText | UserError | undefined {
  const read = parseTrailingWhen(text, whenContextOf(view));
  if (read === undefined) return undefined;
  return read.ok ? read.value : whenError(read.error.error, read.error.typed, view);
}
