import type { Inline } from "./doc.js";
import type { RoomMember, RoomView } from "./port.js";
import { UserError } from "./errors.js";
import { nameKey } from "./text-hygiene.js";
import type { Person } from "./invocation.js";

const USER_ID = /^@[^:\s]+:[A-Za-z0-9.\-[\]:]+$/;

export function isUserId(s: string): boolean {
  return USER_ID.test(s);
}

export function localpart(userId: string): string {
  return userId.slice(1, userId.indexOf(":") === -1 ? undefined : userId.indexOf(":"));
}

function nameOf(member: RoomMember): string {
  return member.displayName?.trim() || localpart(member.userId);
}

/** How features store a person: a Matrix user id as is, a person not on Matrix as `name:<name>`. */
export function memberKey(person: Person): string {
  return person.userId ?? `name:${person.name}`;
}

/** The person a stored key stands for, named as the room knows them now. */
export function personOf(key: string, room: RoomView | undefined, roomId: string): Person {
  return key.startsWith("name:") ? { name: key.slice(5) } : named(key, room?.members(roomId) ?? []);
}

function named(userId: string, members: readonly RoomMember[]): Person {
  const member = members.find((m) => m.userId === userId);
  return { userId, name: member ? nameOf(member) : localpart(userId) };
}

/** What ends a mention when written right after it: `@ana!`, `@ana:`, `@ana,` are all Ana. */
const TRAILING = /[,;.!?:)\]}»”"'’…]+$/u;
/** Words that address a whole room, never one person. */
const ROOM_WIDE = new Set(["room", "here", "everyone", "all", "channel", "sala", "todos"]);

/**
 * A word that names a person: a full user id, a bare `@localpart` or `@DisplayName` of a room
 * member, or else a plain-text name (someone not on Matrix). Returns undefined for other words;
 * `@room` and the like are refused, since they address everyone.
 */
export function resolvePerson(word: string, roomId: string, room: RoomView): Person | undefined {
  const trimmed = word.replace(/^@+/, "@").replace(TRAILING, "");
  if (!trimmed.startsWith("@") || trimmed.length < 2) return undefined;
  if (ROOM_WIDE.has(nameKey(trimmed.slice(1)))) throw new UserError("error.arg.room_mention", { found: trimmed });
  const members = room.members(roomId);
  if (isUserId(trimmed)) return named(trimmed, members);
  const wanted = fold(trimmed.slice(1));
  const matches = members.filter(
    (m) => fold(localpart(m.userId)) === wanted || (m.displayName !== undefined && fold(m.displayName) === wanted),
  );
  if (matches.length === 1) return { userId: matches[0]!.userId, name: nameOf(matches[0]!) };
  // A username is not worth more than a display name: anyone may register the username that is
  // another member's display name, and collect what was meant for her. So the member chooses.
  if (matches.length > 1) throw new UserError("error.arg.which_person", { found: trimmed, people: whichOf(matches) });
  return { name: trimmed.slice(1) };
}

/** "`@ana:x` (Ana), `@ana2:x` (Ana)": ids shown as code, not as pills, so asking notifies nobody. */
function whichOf(members: readonly RoomMember[]): Inline[] {
  return members.flatMap((m, i): Inline[] => [
    ...(i > 0 ? [", "] : []),
    { kind: "code", text: m.userId },
    ` (${nameOf(m)})`,
  ]);
}

const fold = (s: string) => nameKey(s).replace(/\s+/g, "");
