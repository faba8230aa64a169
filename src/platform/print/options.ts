import type { PageSize } from "./pdf.js";

const MAX_ROOM_NAME = 80;

const SIZES: Record<string, PageSize> = { a3: "A3", a4: "A4" };
/** The sizes a member may ask for, for a refusal that lists them. */
export const PRINT_SIZES: readonly string[] = Object.keys(SIZES);
/** Words that name a paper size, printed or not: "a5" is a size we lack, not the room's name. */
const SIZE_LIKE = /^[abc]\d{1,2}$/iu;
const ANONYMOUS = new Set(["anonymous", "anon", "anónimo", "anonimo", "anónima", "anonima"]);

/** How members asked for a wall sheet. */
export interface PrintOptions {
  size: PageSize;
  anonymous: boolean;
  /** Words that are neither a size nor "anonymous": the room's name as the members want it printed. */
  roomName?: string;
}

/** `a4 anonymous`, `Warehouse committee a4`: options in any order, the other words are the room's name. */
export function readPrintOptions(text: string): PrintOptions {
  let size: PageSize = "A3";
  let anonymous = false;
  const name: string[] = [];
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const folded = word.toLocaleLowerCase();
    if (SIZES[folded]) size = SIZES[folded]!;
    else if (ANONYMOUS.has(folded)) anonymous = true;
    else name.push(word);
  }
  const roomName = name.join(" ").slice(0, MAX_ROOM_NAME);
  return { size, anonymous, ...(roomName && !anonymous ? { roomName } : {}) };
}

/** A word asking for a paper size that is not printed (`a5`, `letter`), if any. */
export function unknownSize(text: string): string | undefined {
  return text.split(/\s+/u).find((word) => SIZE_LIKE.test(word) && !SIZES[word.toLocaleLowerCase()]);
}
