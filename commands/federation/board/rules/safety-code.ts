import { createHash } from "node:crypto";

/**
 * Contacts are sealed for the other cell's public key, and that key reaches a cell through the
 * assembly's Tandem, which could hand over a key of its own and read what is sealed for it. Each
 * pair of cells therefore gets a safety code from both public keys: the same on both sides when
 * each holds the other's true key, different when a key was swapped on the way. Moderators compare
 * it outside Matrix (in person, by phone) before any contact crosses.
 */
const LABEL = "tandem contact safety code v1";
const GROUPS = 6;
const DIGITS = 4;

/** Six groups of four digits (about 80 bits), in canonical order of the keys so both sides get the same. */
export function safetyCode(keyA: string, keyB: string): string {
  const [first, second] = [keyA, keyB].sort();
  const hash = createHash("sha256").update(`${LABEL}\u0000${first}\u0000${second}`).digest();
  const groups = Array.from({ length: GROUPS }, (_, i) =>
    String(hash.readUInt32BE(i * 4) % 10 ** DIGITS).padStart(DIGITS, "0"),
  );
  return groups.join(" ");
}

/** Whether what a moderator typed is this code: only its digits count, spaces and dashes do not. */
export function sameCode(typed: string, code: string): boolean {
  const digits = typed.normalize("NFKC").replace(/[^0-9]/g, "");
  return digits === code.replace(/ /g, "");
}
