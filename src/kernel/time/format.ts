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

/** "Monday 30 Nov, 09:00" in the room's zone and language. */
export function formatWhen(utcMs: number, zone: string, lang: string): string {
  return DateTime.fromMillis(utcMs, { zone }).setLocale(lang).toFormat("cccc d LLL, HH:mm");
}

export function formatDay(utcMs: number, zone: string, lang: string): string {
  return DateTime.fromMillis(utcMs, { zone }).setLocale(lang).toFormat("cccc d LLL");
}
