import { createHash, randomInt } from "node:crypto";

/** No 0/O, 1/I/L: a code is read aloud and typed by hand. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const INVITE_VALID_MS = 24 * 3_600_000;

/** A fresh join code like `K7PM-XQ4R-T2` (about 55 bits). */
export function newInviteCode(): string {
  const chars = Array.from({ length: 11 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** What is stored of a code: a hash of its normalised form (case and dashes do not matter). */
export function inviteHash(code: string): string {
  return createHash("sha256").update(code.toUpperCase().replace(/[^A-Z0-9]/g, "")).digest("hex");
}

/** `<code> as <pseudonym>` / `<code> como <seudónimo>`. */
export function readFederate(text: string): { code: string; pseudonym: string } | undefined {
  const m = /^(\S+)\s+(?:as|como)\s+(.+)$/i.exec(text.trim());
  return m ? { code: m[1] ?? "", pseudonym: (m[2] ?? "").trim() } : undefined;
}

/** A pseudonym: 2–40 letters, digits, spaces or dashes, and never the room's id. */
export function pseudonymProblem(pseudonym: string, roomId: string): "shape" | "room" | undefined {
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _-]{1,39}$/u.test(pseudonym)) return "shape";
  const bare = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const local = bare(roomId.split(":")[0] ?? roomId);
  if (bare(pseudonym) === bare(roomId) || (local.length > 0 && bare(pseudonym).includes(local))) return "room";
  return undefined;
}

/** A sector word: 2–30 letters or dashes, lower case. */
export function readSector(word: string): string | undefined {
  const s = word.trim().toLowerCase();
  return /^[\p{L}-]{2,30}$/u.test(s) ? s : undefined;
}
