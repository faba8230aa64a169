import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { alreadyCrossing } from "../../../src/kernel/crossing.js";
import { readableChars } from "../../../src/kernel/readable-code.js";

export const INVITE_VALID_MS = 24 * 3_600_000;

/** A fresh join code like `K7PM-XQ4R-T2` (about 55 bits). */
export function newInviteCode(): string {
  const chars = readableChars(11);
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

const normal = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, "");

/**
 * What is stored of a code, and what a cell sends to join: a hash of its normalised form (case
 * and dashes do not matter). The code itself never leaves the cell's room.
 */
export function inviteHash(code: string): string {
  return createHash("sha256").update(normal(code)).digest("hex");
}

/**
 * The key an assembly signs its welcome with. Derived from the code by another hash, so whoever
 * saw the join message (its lookup hash) still cannot forge the welcome.
 */
export function proofKeyOf(code: string): string {
  return createHash("sha256")
    .update(`tandem welcome\u0000${normal(code)}`)
    .digest("hex");
}

export function welcomeProof(proofKey: string, cellId: string): string {
  return createHmac("sha256", proofKey).update(cellId).digest("hex");
}

export function proofHolds(proofKey: string, cellId: string, proof: string): boolean {
  const expected = Buffer.from(welcomeProof(proofKey, cellId), "hex");
  const given = Buffer.from(proof, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A cell's id as its assembly knows it: random, so it says nothing about the cell's room. */
export const newCellId = (): string => randomBytes(12).toString("hex");

/** The code as a moderator passes it on: the secret, then the assembly's room (another Tandem needs it to find the room). */
export const joinCode = (code: string, assemblyRoom: string): string => `${code}/${assemblyRoom}`;

/** `<code> as <pseudonym>` / `<code> como <seudónimo>`; the code with or without its assembly room. */
export function readFederate(
  text: string,
): { code: string; assemblyRoom: string | undefined; pseudonym: string } | undefined {
  const m = /^(\S+)\s+(?:as|como)\s+(.+)$/i.exec(text.trim());
  if (!m) return undefined;
  const [code, room] = (m[1] ?? "").split(/\/(?=!)/);
  return { code: code ?? "", assemblyRoom: room, pseudonym: (m[2] ?? "").trim() };
}

/** A pseudonym: 2–40 letters, digits, spaces or dashes, and never the room's id. */
export function pseudonymProblem(pseudonym: string, roomId: string): "shape" | "room" | undefined {
  // It crosses to every cell: the cleaner must leave it as it is (a phone number written as a name does not pass).
  if (!/^[\p{L}\p{N}][\p{L}\p{N} _-]{1,39}$/u.test(pseudonym) || alreadyCrossing(pseudonym, 40) === undefined)
    return "shape";
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
