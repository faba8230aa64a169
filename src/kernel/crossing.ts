import { cleanInput } from "./text-hygiene.js";

/**
 * The one cleaner for a member's words that leave their room (offers, needs, stories, an
 * assembly's name). Its result is a `CrossingText`, a string no other function can make, so a
 * message between rooms that carries a member's words fails to compile unless they were cleaned.
 */
declare const cleaned: unique symbol;
export type CrossingText = string & { readonly [cleaned]: true };

/** What the cleaner takes out, and tells the member about. */
export type Removed = "person" | "link" | "phone";
export type CrossingProblem = "empty" | "too_long" | "room";
export type Crossed = { text: CrossingText; removed: Removed[] } | { problem: CrossingProblem; length?: number };

/** The words that stand in for what was taken out, in the room's language. */
export interface StandIns {
  someone: string;
  link: string;
  phone: string;
}

/** A dot between the labels of a domain: also the ideographic and full-width ones browsers accept, and `[.]`, `(.)` written to slip past filters. */
const DOT = "(?:[.\u3002\uff0e\uff61]|\\[\\.\\]|\\(\\.\\)|\\{\\.\\})";
const LABEL = "[\\p{L}\\p{M}\\p{N}](?:[\\p{L}\\p{M}\\p{N}-]*[\\p{L}\\p{M}\\p{N}])?";
/** A top-level domain: letters in any script (`.org`, `.рф`), or punycode (`.xn--p1ai`). */
const TLD = "(?:[\\p{L}\\p{M}]{2,63}|xn--[a-z0-9-]{1,59})";
const PORT_AND_PATH = "(?::\\d{1,5})?(?:[/?#]\\S*)?";

const PERSON_LINK = /(?:https?:\/\/)?matrix\.to\/#\/@\S+|matrix:u\/\S+/giu;
const USER_ID = /@[^\s:@]+:(?:\[[0-9a-f:.]+\]|[\p{L}\p{N}.-]+)(?::\d+)?/giu;
const MAIL = new RegExp(`[\\p{L}\\p{N}._%+-]+@${LABEL}(?:${DOT}${LABEL})+`, "giu");
const MENTION = /(?<![\p{L}\p{N}_])@[\p{L}\p{M}\p{N}._\-']+/gu;
/**
 * A room's address: an id or alias on a named server, a v12 room id (no server part), a matrix.to
 * or matrix: link to one. Refused rather than rewritten: it would tell the other room which room
 * this is, and its author should know.
 */
const ROOM = new RegExp(
  `matrix\\.to/#/[!#]|matrix:(?:r|roomid)/|[!#][^\\s:!#]+:(?:localhost|\\[[0-9a-f:.]+\\]|${LABEL}(?:${DOT}${LABEL})+)|(?<![\\p{L}\\p{N}])![A-Za-z0-9_-]{40,}`,
  "iu",
);

const LINKS: readonly RegExp[] = [
  /[a-z][a-z0-9+.-]*:\/\/\S*|\/\/\S+/giu,
  /\b(?:mailto|tel|sms|callto|matrix|xmpp|magnet|data|javascript|geo|sips?|skype|whatsapp|signal|tg|bitcoin|urn):\S+/giu,
  new RegExp(`\\bwww\\d*${DOT}\\S+`, "giu"),
  new RegExp(`(?<![\\d.])\\d{1,3}(?:${DOT}\\d{1,3}){3}${PORT_AND_PATH}`, "gu"),
  new RegExp(`\\[[0-9a-f:.]*:[0-9a-f:.]*\\]${PORT_AND_PATH}`, "giu"),
  new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_-])(?:${LABEL}${DOT})+${TLD}(?![\\p{L}\\p{M}\\p{N}-])${PORT_AND_PATH}`, "giu"),
];
/** Bare IPv6 (`2001:db8::1`): groups joined by colons, with a `::` or more groups than a time has. */
const IPV6 = /(?<![\p{L}\p{N}:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\p{L}\p{N}:])/giu;
const isIpv6 = (s: string) => s.includes("::") || s.split(":").length >= 5;

/** A run of digits written as a phone number: `+34 612 345 678`, `(555) 123-4567`, `0049.30.1234567`. */
const PHONE_LIKE = /(?<![\p{L}\p{N}])\+?\(?\d[\d ().\-/]*\d\)?(?![\p{L}\p{N}])/gu;
const PHONE_DIGITS = 7;
/** A date (2026-12-06, 06/12/2026) is not a phone number, however many digits it has. */
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})$/;
const isPhone = (s: string) =>
  (s
    .split(" ")
    .filter((part) => !DATE.test(part))
    .join("")
    .match(/\d/g)?.length ?? 0) >= PHONE_DIGITS;

/**
 * A member's text made safe to leave its room: invisible and control characters go, it becomes
 * one line, every way of naming a person (a mention, a user id, a matrix.to link, a mail address)
 * becomes `someone`, every link (any scheme, bare domains, IPs) and phone number becomes a stand-in
 * word; a room's address is refused. `removed` says what was taken out, to tell the member.
 */
export function cross(raw: string, words: StandIns, max: number): Crossed {
  const removed = new Set<Removed>();
  const swap = (kind: Removed, word: string, keep?: (s: string) => boolean) => (match: string) => {
    if (keep?.(match)) return match;
    removed.add(kind);
    return word;
  };
  let text = oneLine(raw);
  for (const person of [PERSON_LINK, USER_ID, MAIL, MENTION])
    text = text.replace(person, swap("person", words.someone));
  if (ROOM.test(text)) return { problem: "room" };
  for (const link of LINKS) text = text.replace(link, swap("link", words.link));
  text = text.replace(
    IPV6,
    swap("link", words.link, (s) => !isIpv6(s)),
  );
  text = text.replace(
    PHONE_LIKE,
    swap("phone", words.phone, (s) => !isPhone(s)),
  );
  text = text.replace(/ {2,}/g, " ").trim();
  if (text.length === 0) return { problem: "empty" };
  const length = [...text].length;
  if (length > max) return { problem: "too_long", length };
  return { text: text as CrossingText, removed: [...removed] };
}

/**
 * A text that arrived from another room or Tandem, or was stored after it crossed: a crossing
 * text when cleaning it again changes nothing (any language's stand-in words pass).
 */
export function alreadyCrossing(text: string, max: number): CrossingText | undefined {
  const again = cross(text, { someone: "someone", link: "link", phone: "phone" }, max);
  return "text" in again && again.removed.length === 0 && again.text === text ? again.text : undefined;
}

const oneLine = (raw: string) => cleanInput(raw).normalize("NFKC").replace(/\s+/gu, " ").trim();
