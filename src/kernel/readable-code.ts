import { randomInt } from "node:crypto";

/** Letters and digits nobody confuses when reading them aloud or copying them (no 0/O, 1/I/L). */
export const READABLE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** `length` random characters of the readable alphabet. */
export function readableChars(length: number): string {
  return Array.from({ length }, () => READABLE_ALPHABET[randomInt(READABLE_ALPHABET.length)]).join("");
}

/**
 * A code is typed where a number could stand (`!vote 7K2M agree`, `!fund ask K7P2Q`): one of only
 * digits (1 in 230 four-character draws, like `6436`) would be read as a number.
 */
export const holdsLetter = (code: string): boolean => /\D/.test(code);

/** A fresh code that holds a letter and that `taken` does not know yet. */
export function freshCode(
  length: number,
  taken: (code: string) => boolean,
  draw: (length: number) => string = readableChars,
): string {
  let code: string;
  do code = draw(length);
  while (!holdsLetter(code) || taken(code));
  return code;
}
