import type { TextKey } from "./i18n/catalog.js";
import type { Db } from "../platform/db.js";
import type { Person } from "./invocation.js";
import { localpart } from "./mentions.js";
import { nameKey } from "./text-hygiene.js";

/** Every way a person may have been written down: their user id, or a typed name. */
export interface PersonMatch {
  userId: string | null;
  /** Name keys (`nameKey`) that denote them when typed without a Matrix id (display name, localpart). */
  names: string[];
}

export function personMatch(person: Person): PersonMatch {
  const names = new Set([nameKey(person.name)]);
  if (person.userId) names.add(nameKey(localpart(person.userId)));
  return { userId: person.userId ?? null, names: [...names].filter((n) => n !== "") };
}

/** A Matrix user a part of the room's data holds, with the name it knows them by. */
export interface KnownPerson {
  userId: string;
  name: string;
}

/**
 * A feature's part of what Tandem keeps about people and rooms, so a person can be forgotten and a
 * cell wiped. Forgetting keeps the cell's shared memory (a contribution still counts) but removes
 * who it was: the person's name becomes `someone` (in the room's language), their user id is dropped,
 * and their name inside free texts (what was cared for, a plan's action) becomes `someone` too.
 */
export interface RoomDataPart {
  /** Catalog key naming this part in a forget preview (what happens to the person there). */
  key: TextKey;
  /** Catalog key naming this part in a wipe preview; a part that never holds a person may use `key`. */
  wipeKey?: TextKey;
  countPerson(db: Db, roomId: string, who: PersonMatch): number;
  /** How many free texts of this part name the person (whole words, any case, with or without @). */
  countMentions?(db: Db, roomId: string, who: PersonMatch): number;
  /** Forgets the person: their rows, and their name inside this part's free texts. */
  forgetPerson(db: Db, roomId: string, who: PersonMatch, someone: string, now: number, zone: string): void;
  countRoom(db: Db, roomId: string): number;
  wipeRoom(db: Db, roomId: string): void;
  /** The Matrix users this part holds for the room: a bare `@ana` who left the room is found here. */
  people?(db: Db, roomId: string): KnownPerson[];
}

/** A part bound to the message's database, room, clock and zone: what the privacy commands see. */
export interface BoundRoomData {
  key: TextKey;
  wipeKey: TextKey;
  countPerson(who: PersonMatch): number;
  countMentions(who: PersonMatch): number;
  forgetPerson(who: PersonMatch, someone: string): void;
  countRoom(): number;
  wipeRoom(): void;
  people(): KnownPerson[];
}

export function bindRoomData(part: RoomDataPart, db: Db, roomId: string, now: number, zone: string): BoundRoomData {
  return {
    key: part.key,
    wipeKey: part.wipeKey ?? part.key,
    countPerson: (who) => part.countPerson(db, roomId, who),
    countMentions: (who) => part.countMentions?.(db, roomId, who) ?? 0,
    forgetPerson: (who, someone) => part.forgetPerson(db, roomId, who, someone, now, zone),
    countRoom: () => part.countRoom(db, roomId),
    wipeRoom: () => part.wipeRoom(db, roomId),
    people: () => part.people?.(db, roomId) ?? [],
  };
}

/** The person's name keys as a JSON list, for `name_key IN (SELECT value FROM json_each(@names))`. */
export const namesParam = (who: PersonMatch): string => JSON.stringify(who.names);

/** A single count from a room-data query. */
export function countRows(db: Db, sql: string, params: unknown): number {
  return db.prepare(sql).pluck().get(params) as number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The person's name as a whole word in free text, in any case, with or without `@`, and their full
 * user id. Names shorter than two letters are left alone: "a" would hit every other sentence.
 */
export function mentionPattern(who: PersonMatch): RegExp | undefined {
  const names = who.names.filter((n) => [...n].length >= 2).map((n) => `@?${escapeRegExp(n)}`);
  const forms = [...(who.userId ? [escapeRegExp(who.userId)] : []), ...names];
  if (forms.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}_@])(?:${forms.join("|")})(?![\\p{L}\\p{N}_])`, "giu");
}

/** Whether a free text names the person. */
export function mentions(text: string, pattern: RegExp | undefined): boolean {
  if (!pattern) return false;
  pattern.lastIndex = 0;
  return pattern.test(text.normalize("NFKC"));
}

/** The free text with every mention of the person replaced by `someone`. */
export function withoutMentions(text: string, pattern: RegExp, someone: string): string {
  return text.normalize("NFKC").replace(pattern, someone);
}

/**
 * Rewrites the rows of one free-text column that name the person. `rows` are `[id, text]`; `update`
 * writes a row's new text.
 */
export function forgetMentions(rows: { id: number | string; text: string }[], who: PersonMatch, someone: string, update: (id: number | string, text: string) => void): void {
  const pattern = mentionPattern(who);
  if (!pattern) return;
  for (const row of rows) if (mentions(row.text, pattern)) update(row.id, withoutMentions(row.text, pattern, someone));
}

/** How many of the rows name the person. */
export function countMentioning(rows: { text: string }[], who: PersonMatch): number {
  const pattern = mentionPattern(who);
  return rows.filter((row) => mentions(row.text, pattern)).length;
}
