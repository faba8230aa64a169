import { err, ok, type Result } from "../../../src/kernel/result.js";
import { CONSENT, type ConsentAnswer } from "./tally.js";

/** Every word that means a consent answer, English and Spanish. */
const CONSENT_WORDS: Record<ConsentAnswer, readonly string[]> = {
  agree: ["agree", "yes", "si", "sí", "acuerdo", "a favor", "favor"],
  abstain: ["abstain", "abstengo", "abstención", "abstencion", "me abstengo"],
  disagree: ["disagree", "no", "desacuerdo", "en contra", "contra"],
  block: ["block", "bloqueo", "bloquear", "bloqueo"],
};
const WITHDRAW = ["none", "withdraw", "ninguna", "retirar", "nada"];
/** A receipt as the bot gives it: "7F3A-K2PX". */
export const RECEIPT = /^[0-9A-F]{4}-[A-Z0-9]{4}$/i;

export type VoteWords = Result<
  { choices: string[]; receipt?: string } | "withdraw",
  { code: "unknown"; found: string } | { code: "too-many"; max: number }
>;

/**
 * What a voter typed after the proposal: consent words ("agree", "de acuerdo"), option numbers
 * ("1 3"), a receipt to change a secret vote, or "none" to take an open vote back.
 */
export function readVote(text: string, options: number, maxChoices: number): VoteWords {
  let rest = text
    .trim()
    .toLocaleLowerCase()
    .replace(/^de\s+/, "");
  if (WITHDRAW.includes(rest)) return ok("withdraw");
  let receipt: string | undefined;
  rest = rest
    .replace(
      /(?:^|\s)(?:receipt|recibo)?\s*([0-9a-f]{4}-[a-z0-9]{4})\s*$/i,
      (_all, r: string) => ((receipt = r.toUpperCase()), ""),
    )
    .trim();
  const withReceipt = receipt ? { receipt } : {};
  if (options === 0) {
    const answer = CONSENT.find((a) => CONSENT_WORDS[a].includes(rest));
    return answer ? ok({ choices: [answer], ...withReceipt }) : err({ code: "unknown", found: rest });
  }
  const words = rest.split(/[\s,]+/).filter(Boolean);
  const numbers = [...new Set(words.map((w) => (/^\d{1,2}$/.test(w) ? Number(w) : NaN)))];
  if (words.length === 0 || numbers.some((n) => !(n >= 1 && n <= options)))
    return err({ code: "unknown", found: rest });
  if (numbers.length > maxChoices) return err({ code: "too-many", max: maxChoices });
  return ok({ choices: numbers.sort((a, b) => a - b).map((n) => `o${n}`), ...withReceipt });
}
