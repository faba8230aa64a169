import { DateTime } from "luxon";
import type { Person } from "../invocation.js";
import type { RoomView } from "../port.js";

/**
 * How rotation members are stored: a Matrix user id as is, a person not on Matrix as `name:<name>`.
 */
export function memberKey(person: Person): string {
  return person.userId ?? `name:${person.name}`;
}

export function personOf(key: string, room: RoomView | undefined, roomId: string): Person {
  if (key.startsWith("name:")) return { name: key.slice(5) };
  const member = room?.members(roomId).find((m) => m.userId === key);
  const localpart = key.replace(/^@/, "").split(":")[0] ?? key;
  return { userId: key, name: member?.displayName || localpart };
}

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
