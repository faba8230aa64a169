import { addDays, resolveLocal, toLocal } from "../../../src/kernel/time/local-time.js";

/** The lesson prompt comes at this local time, the morning after the action. */
export const PROMPT_HOUR = 9;
/** An action that ends before this hour belongs to the evening before (a night shift, a late picket). */
const NIGHT_ENDS_HOUR = 6;

/**
 * When to ask what the action taught, in the room's wall-clock time: 09:00 the morning after the
 * evening the action ended on, never the same evening (the decompression prompt has that). An
 * action ending at 00:30 is still that evening's: asked at 09:00 the same date. 09:00 is read in
 * the room's zone, daylight saving included.
 */
export function lessonPromptAt(endsAtUtc: number, zone: string): number {
  const end = toLocal(zone, endsAtUtc);
  const evening = end.hour < NIGHT_ENDS_HOUR ? addDays(end, -1) : end;
  const morning = addDays(evening, 1);
  return resolveLocal(zone, {
    year: morning.year,
    month: morning.month,
    day: morning.day,
    hour: PROMPT_HOUR,
    minute: 0,
  });
}
