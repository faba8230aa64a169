import { DateTime } from "luxon";
/** The year is shown only when it is not the current one: "Saturday 4 Dec 2027" but "Monday 30 Nov". */
function withYear(at: DateTime, nowUtc: number | undefined): string {
  return nowUtc !== undefined && DateTime.fromMillis(nowUtc, { zone: at.zone }).year !== at.year ? " yyyy" : "";
}

/** "Monday 30 Nov, 09:00" in the room's zone and language; "Saturday 4 Dec 2027, 17:00" in another year than `nowUtc`'s. */
export function formatWhen(utcMs: number, zone: string, lang: string, nowUtc?: number): string {
  const at = DateTime.fromMillis(utcMs, { zone }).setLocale(lang);
  return at.toFormat(`cccc d LLL${withYear(at, nowUtc)}, HH:mm`);
}

/** "Monday 30 Nov"; "Saturday 4 Dec 2027" in another year than `nowUtc`'s. */
export function formatDay(utcMs: number, zone: string, lang: string, nowUtc?: number): string {
  const at = DateTime.fromMillis(utcMs, { zone }).setLocale(lang);
  return at.toFormat(`cccc d LLL${withYear(at, nowUtc)}`);
}
