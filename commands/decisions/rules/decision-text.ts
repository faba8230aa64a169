import { err, ok, type Result } from "../../../src/kernel/result.js";

/** What a member wrote when recording a decision, read into its parts. */
export interface DecisionText {
  text: string;
  /** Lower-cased tags without '#', in the order written, each once. */
  tags: string[];
  /** The care plan it belongs to, when the text says "plan 3". */
  plan?: number;
}

const TAG = /(^|\s)#([\p{L}\p{N}_-]{1,40})(?=\s|$)/gu;
const PLAN = /(^|\s)(?:plan|para el plan)\s+#?(\d{1,6})(?=\s*$)/iu;

/**
 * `#tags` anywhere and a trailing `plan 3` are taken out of the text; what remains is the decision
 * as written. What remains must hold a word (a letter at least).
 */
export function readDecision(raw: string): Result<DecisionText, "empty"> {
  let plan: number | undefined;
  // The plan first: "plan #3" names a plan, not a tag "3".
  let text = raw.replace(PLAN, (_whole, space: string, n: string) => {
    plan = Number(n);
    return space;
  });
  const tags: string[] = [];
  text = text.replace(TAG, (_whole, space: string, tag: string) => {
    const folded = tag.toLocaleLowerCase();
    if (!tags.includes(folded)) tags.push(folded);
    return space;
  });
  text = text.replace(/\s+/g, " ").trim();
  // A decision is said in words: "-1" or "12" alone is a mistyped command, not something decided.
  if (!/\p{L}/u.test(text)) return err("empty");
  return ok({ text, tags, ...(plan !== undefined ? { plan } : {}) });
}

/** Whether a decision matches every word searched (case and accents folded). */
export function matchesSearch(haystack: string, words: string): boolean {
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
  const text = fold(haystack);
  return fold(words)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => text.includes(word));
}
