import { cleanInput } from "../../../../src/kernel/text-hygiene.js";

/** What an offer, a need or a story may be once cleaned: short enough to read on a phone. */
export const BOARD_TEXT_MAX = 280;

/** Links to a person on matrix.to, user ids (`@ana:example.org`), mail addresses, then any `@word`. */
const MATRIX_TO_PERSON = /https?:\/\/matrix\.to\/#\/@[^\s?]+(?:\?\S*)?/giu;
const USER_ID = /@[a-z0-9._=\-/+]+:[a-z0-9.-]+(?::\d+)?/giu;
const MAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const MENTION = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}._\-']+/gu;
/** A room id or alias on a server with a dotted name (or localhost): `!abc:example.org`, `#hall:example.org`, a matrix.to link to one. */
const ROOM = /(?:matrix\.to\/#\/[!#])|(?:[!#][^\s:!#]+:(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?)/iu;

export type BoardTextProblem = "empty" | "too_long" | "room";
export type CleanedText = { text: string; changed: boolean } | { problem: BoardTextProblem; length?: number };

/**
 * A text a cell shares with its assembly, made safe to cross: invisible and control characters
 * go, spaces collapse to one line, every way of naming a person on Matrix (a mention, a user id,
 * a matrix.to link, a mail address) becomes `someone`. A room's address is refused rather than
 * rewritten: it would tell the assembly which room the cell is, and its author should know.
 */
export function cleanBoardText(raw: string, someone: string): CleanedText {
  const spaced = cleanInput(raw).normalize("NFKC").replace(/\s+/gu, " ").trim();
  const text = spaced.replace(MATRIX_TO_PERSON, someone).replace(USER_ID, someone).replace(MAIL, someone).replace(MENTION, someone);
  // Looked for once people's addresses are gone: `matrix.to/#/@ana:…` is a person, not a room.
  if (ROOM.test(text)) return { problem: "room" };
  if (text.length === 0) return { problem: "empty" };
  const length = [...text].length;
  if (length > BOARD_TEXT_MAX) return { problem: "too_long", length };
  return { text, changed: text !== spaced };
}

/**
 * Whether a text that arrived from another Tandem is one a cell could have sent: cleaning it again
 * changes nothing. `someone` is a word here, so any language's word passes.
 */
export function crossable(text: string): boolean {
  const again = cleanBoardText(text, "someone");
  return "text" in again && again.text === text;
}
