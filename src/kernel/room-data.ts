import type { TextKey } from "./i18n/catalog.js";
import type { Db } from "../platform/db.js";
import type { Person } from "./invocation.js";
import { localpart } from "./mentions.js";
import { forgetKey, nameKey } from "./text-hygiene.js";

/** Every way a person may have been written down: their user id, or a typed name. */
export interface PersonMatch {
  userId: string | null;
  /** Forget keys (`forgetKey`) of the names that denote them: display name, localpart. */
  keys: string[];
  /**
   * Name keys (`nameKey`) of every typed form of their name the room's data holds ("Álvaro",
   * "ÁLVARO", "alvaro"), for the tables that store a name key beside a typed name.
   */
  names: string[];
  /** The typed forms themselves, exactly as stored, for tables that keep no name key. */
  typed: string[];
  /** The forms of the name met so far (typed names, words in free texts), for the preview to list. */
  found: Set<string>;
}

/**
 * How forgetting finds a person. `held` are the names typed in plain text the room's data holds
 * (every part's `typedNames`): those whose forget key is the person's are forms of their name.
 */
export function personMatch(person: Person, held: readonly string[] = []): PersonMatch {
  const own = [person.name, ...(person.userId ? [localpart(person.userId)] : [])];
  const keys = [...new Set(own.map(forgetKey))].filter((k) => k !== "");
  const forms = [...new Set(held)].filter((name) => keys.includes(forgetKey(name)));
  const names = [...new Set([...own, ...forms].map(nameKey))].filter((n) => n !== "");
  return {
    userId: person.userId ?? null,
    keys,
    names,
    typed: [...new Set([person.name, ...forms])],
    found: new Set(forms),
  };
}

/** Whether a name stored as typed (`name:Álvaro` without its prefix) is this person. */
export function isNamed(who: PersonMatch, typed: string): boolean {
  if (!who.keys.includes(forgetKey(typed))) return false;
  who.found.add(typed);
  return true;
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
  /** Names typed in plain text (people not on Matrix) this part holds for the room, as stored. */
  typedNames?(db: Db, roomId: string): string[];
  /**
   * The tables this part answers for. Every table of the database is claimed by one part (a test
   * reads `sqlite_master`), so a feature that adds a table must say how forgetting reaches it.
   */
  tables: readonly string[];
}

/**
 * What a transport keeps of people and rooms outside the database: printed files, a Matrix client's
 * caches. It is erased once the database's own erasure committed, so a failed command erases nothing.
 */
export interface OutsideData {
  forgetPerson(roomId: string, who: PersonMatch): void;
  wipeRoom(roomId: string): void;
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
  typedNames(): string[];
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
    typedNames: () => part.typedNames?.(db, roomId) ?? [],
  };
}

/** The person's name keys as a JSON list, for `name_key IN (SELECT value FROM json_each(@names))`. */
export const namesParam = (who: PersonMatch): string => JSON.stringify(who.names);

/** A single count from a room-data query. */
export function countRows(db: Db, sql: string, params: unknown): number {
  return db.prepare(sql).pluck().get(params) as number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A forget key as a pattern over decomposed text: any accent may follow each letter, any spaces stand for one. */
const keyPattern = (key: string) =>
  [...key].map((c) => (/\s/u.test(c) ? "\\s+" : `${escapeRegExp(c)}\\p{M}*`)).join("");

/**
 * The person's name as a whole word in free text, in any case, with or without accents or `@`, and
 * their full user id; it runs over the text decomposed (NFKD). Names shorter than two letters are
 * left alone: "a" would hit every other sentence.
 */
export function mentionPattern(who: PersonMatch): RegExp | undefined {
  const names = who.keys.filter((k) => [...k].length >= 2).map((k) => `@?${keyPattern(k)}`);
  const forms = [...(who.userId ? [escapeRegExp(who.userId.normalize("NFKD"))] : []), ...names];
  if (forms.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_@])(?:${forms.join("|")})(?![\\p{L}\\p{M}\\p{N}_])`, "giu");
}

/** Whether a free text names the person; the forms met are kept for the preview. */
export function mentions(text: string, pattern: RegExp | undefined, found?: Set<string>): boolean {
  if (!pattern) return false;
  const hits = text.normalize("NFKD").match(pattern) ?? [];
  for (const hit of hits) found?.add(hit.normalize("NFC"));
  return hits.length > 0;
}

/** The free text with every mention of the person replaced by `someone`. */
export function withoutMentions(text: string, pattern: RegExp, someone: string): string {
  return text.normalize("NFKD").replace(pattern, someone).normalize("NFKC");
}

/**
 * Rewrites the rows of one free-text column that name the person. `rows` are `[id, text]`; `update`
 * writes a row's new text.
 */
export function forgetMentions(
  rows: { id: number | string; text: string }[],
  who: PersonMatch,
  someone: string,
  update: (id: number | string, text: string) => void,
): void {
  const pattern = mentionPattern(who);
  if (!pattern) return;
  for (const row of rows) if (mentions(row.text, pattern)) update(row.id, withoutMentions(row.text, pattern, someone));
}

/** How many of the rows name the person. */
export function countMentioning(rows: { text: string }[], who: PersonMatch): number {
  const pattern = mentionPattern(who);
  return rows.filter((row) => mentions(row.text, pattern, who.found)).length;
}
