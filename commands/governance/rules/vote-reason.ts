import { cleanInput } from "../../../src/kernel/text-hygiene.js";

export const MAX_REASON = 300;

/** The words that start a reason, in every language a room may speak: "block because …", "bloqueo porque …". */
const BECAUSE = /(?:^|\s)(?:because|porque|por\s+que)(?:\s+|$)/iu;

export type ReadReason = { reason: string } | { reasonEmpty: true } | { reasonTooLong: number };
export type SplitVote = { answer: string; reason?: string } | { reasonEmpty: true } | { reasonTooLong: number };

/** A reason as written (cleaned, spaces collapsed), or why it cannot be one; a leading "because" is dropped. */
export function readReason(text: string): ReadReason {
  const reason = cleanInput(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:because|porque|por\s+que)(?:\s+|$)/iu, "");
  if (!/[\p{L}\p{N}]/u.test(reason)) return { reasonEmpty: true };
  if ([...reason].length > MAX_REASON) return { reasonTooLong: MAX_REASON };
  return { reason };
}

/**
 * Splits what follows the proposal in `!vote 3 block because it exposes the night shift` into the
 * answer and the reason. A reason is the member's own words, kept as written (cleaned, spaces
 * collapsed); "because" with nothing after it is a mistake, not an answer without a reason.
 */
export function splitReason(text: string): SplitVote {
  const found = BECAUSE.exec(text);
  if (!found) return { answer: text };
  const read = readReason(text.slice(found.index + found[0].length));
  return "reason" in read ? { answer: text.slice(0, found.index), reason: read.reason } : read;
}
