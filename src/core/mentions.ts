import type { RoomMember, RoomView } from "../transport/port.js";
import { htmlToCommandText } from "./html-text.js";
import type { Invocation, Person } from "./invocation.js";

const USER_ID = /^@[^:\s]+:[A-Za-z0-9.\-[\]:]+$/;

export function isUserId(s: string): boolean {
  return USER_ID.test(s);
}

export function localpart(userId: string): string {
  return userId.slice(1, userId.indexOf(":") === -1 ? undefined : userId.indexOf(":"));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The text a command is read from, with every mention written as a user id. Pills in the HTML come
 * first; then ids from m.mentions whose display name a client left in the plain body.
 */
export function commandText(inv: Invocation, room: RoomView): string {
  let text = inv.html ? htmlToCommandText(inv.html) : stripPlainReplyFallback(inv.text);
  for (const userId of inv.mentionedUserIds ?? []) {
    if (text.includes(userId)) continue;
    const name = room.members(inv.roomId).find((m) => m.userId === userId)?.displayName;
    if (!name) continue;
    text = text.replace(new RegExp(`(^|\\s)@?${escapeRegExp(name)}(?=\\s|$|[,.;:!?])`), `$1${userId}`);
  }
  return text.trim();
}

function stripPlainReplyFallback(body: string): string {
  const lines = body.split("\n");
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith("> ")) i++;
  if (i > 0 && i < lines.length && lines[i]!.trim() === "") i++;
  return lines.slice(i).join("\n");
}

function nameOf(member: RoomMember): string {
  return member.displayName?.trim() || localpart(member.userId);
}

const fold = (s: string) => s.normalize("NFKC").toLocaleLowerCase().replace(/\s+/g, "");

/**
 * A word that names a person: a full user id, a bare `@localpart` or `@DisplayName` of a room
 * member, or else a plain-text name (someone not on Matrix). Returns undefined for other words.
 */
export function resolvePerson(word: string, roomId: string, room: RoomView): Person | undefined {
  const trimmed = word.replace(/[,;.]+$/, "");
  if (!trimmed.startsWith("@") || trimmed.length < 2) return undefined;
  const members = room.members(roomId);
  if (isUserId(trimmed)) {
    const member = members.find((m) => m.userId === trimmed);
    return { userId: trimmed, name: member ? nameOf(member) : localpart(trimmed) };
  }
  const wanted = fold(trimmed.slice(1));
  const byLocalpart = members.filter((m) => fold(localpart(m.userId)) === wanted);
  const matches = byLocalpart.length > 0 ? byLocalpart : members.filter((m) => m.displayName && fold(m.displayName) === wanted);
  if (matches.length === 1) return { userId: matches[0]!.userId, name: nameOf(matches[0]!) };
  return { name: trimmed.slice(1) };
}
