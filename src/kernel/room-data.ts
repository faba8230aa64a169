import type { Db } from "../platform/db.js";
import type { Person } from "./invocation.js";

/** Every way a person may have been written down: their user id, or a typed name. */
export interface PersonMatch {
  userId: string | null;
  /** Lower-cased names that denote them when typed without a Matrix id (display name, localpart). */
  names: string[];
}

export function personMatch(person: Person): PersonMatch {
  const names = new Set([person.name.toLocaleLowerCase()]);
  if (person.userId) names.add(person.userId.slice(1).split(":")[0]!.toLocaleLowerCase());
  return { userId: person.userId ?? null, names: [...names] };
}

/**
 * A feature's part of what Tandem keeps about people and rooms, so a person can be forgotten and a
 * cell wiped. Forgetting keeps the cell's shared memory (a contribution still counts) but removes
 * who it was: the person's name becomes `someone` (in the room's language), their user id is dropped.
 */
export interface RoomDataPart {
  /** Catalog key naming this part in previews. */
  key: string;
  countPerson(db: Db, roomId: string, who: PersonMatch): number;
  forgetPerson(db: Db, roomId: string, who: PersonMatch, someone: string, now: number, zone: string): void;
  countRoom(db: Db, roomId: string): number;
  wipeRoom(db: Db, roomId: string): void;
}

/** A part bound to the message's database, room, clock and zone: what the privacy commands see. */
export interface BoundRoomData {
  key: string;
  countPerson(who: PersonMatch): number;
  forgetPerson(who: PersonMatch, someone: string): void;
  countRoom(): number;
  wipeRoom(): void;
}

export function bindRoomData(part: RoomDataPart, db: Db, roomId: string, now: number, zone: string): BoundRoomData {
  return {
    key: part.key,
    countPerson: (who) => part.countPerson(db, roomId, who),
    forgetPerson: (who, someone) => part.forgetPerson(db, roomId, who, someone, now, zone),
    countRoom: () => part.countRoom(db, roomId),
    wipeRoom: () => part.wipeRoom(db, roomId),
  };
}

/** The person's typed names as a JSON list, for `lower(name) IN (SELECT value FROM json_each(@names))`. */
export const namesParam = (who: PersonMatch): string => JSON.stringify(who.names);

/** A single count from a room-data query. */
export function countRows(db: Db, sql: string, params: unknown): number {
  return db.prepare(sql).pluck().get(params) as number;
}
