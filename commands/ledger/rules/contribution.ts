import { err, ok, type Result } from "../../../src/kernel/result.js";
import { inferKind } from "./infer-kind.js";
import { kindFromTag, suggestKinds, type CareKind } from "./kinds.js";
import { ambiguousMoneyIn, exponentIn, parseQuantity } from "./quantity.js";
import { unitCategory, type Quantity } from "./units.js";

export interface Contribution {
  /** The giver's words, whitespace normalised, `#kind` tags removed. */
  what: string;
  quantity?: Quantity;
  kind: CareKind;
  /** True when a `#kind` tag chose the kind, false when it was inferred from the words. */
  kindExplicit: boolean;
}

export type ContributionError =
  /** `#tag` names no kind; `suggestions` are close kinds, possibly none. */
  | { code: "unknown-kind"; tag: string; suggestions: CareKind[] }
  /** Tags name different kinds ("#food #transport"); an entry has one kind. */
  | { code: "several-kinds"; kinds: CareKind[] }
  /** Nothing left once tags are removed ("#food" alone); `kind` is the tag's kind, if one was given. */
  | { code: "empty"; kind?: CareKind }
  /** The amount is below zero ("-5 meals"): care given is never negative. */
  | { code: "negative-amount"; quantity: Quantity }
  /** The amount is beyond any one entry ("99999999999999999999 meals"), most likely a typo. */
  | { code: "amount-too-large"; max: number }
  /** A number in scientific notation ("€1e6"): read in part it would be €1. */
  | { code: "exponent"; found: string }
  /** Money that reads two ways ("€50.999"): the member is asked, never given a thousand times too much. */
  | { code: "ambiguous-amount"; found: string; whole: string; cents: string };

/** More than this in one entry is a typo, not care; it also keeps sums exact in doubles. */
export const MAX_AMOUNT = 1_000_000;

export type ContributionResult = Result<Contribution, ContributionError>;

/**
 * A `#word` standing alone. "#3" (a number) and "#room:server" (a Matrix room alias) are not tags,
 * "#food:" before a space is; the lookahead refuses to end inside a longer word, so
 * "#room:server" cannot match as "#roo".
 */
const TAG = /(?<![\p{L}\p{N}_&/#])#([\p{L}][\p{L}\p{M}\p{N}_-]*)(?![\p{L}\p{M}\p{N}_-]|:\S)/gu;

export function parseContribution(input: string): ContributionResult {
  const text = input.normalize("NFC");
  const kinds: CareKind[] = [];
  for (const match of text.matchAll(TAG)) {
    const tag = match[1] ?? "";
    const kind = kindFromTag(tag);
    if (!kind) return err({ code: "unknown-kind", tag, suggestions: suggestKinds(tag) });
    if (!kinds.includes(kind)) kinds.push(kind);
  }
  if (kinds.length > 1) return err({ code: "several-kinds", kinds });

  const what = tidy(kinds.length > 0 ? removeTags(text) : text);
  // Punctuation alone ('"', "…") says nothing about what was given.
  if (!/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(what)) {
    return err(kinds[0] ? { code: "empty", kind: kinds[0] } : { code: "empty" });
  }

  const exponent = exponentIn(what);
  if (exponent) return { ok: false, error: { code: "exponent", found: exponent } };
  const ambiguous = ambiguousMoneyIn(what);
  if (ambiguous) return { ok: false, error: { code: "ambiguous-amount", ...ambiguous } };
  const quantity = parseQuantity(what);
  if (quantity && quantity.amount < 0) return err({ code: "negative-amount", quantity });
  if (quantity && !(quantity.amount <= MAX_AMOUNT)) return err({ code: "amount-too-large", max: MAX_AMOUNT });
  const explicit = kinds[0];
  const kind =
    explicit ?? inferKind(what, { currency: quantity !== undefined && unitCategory(quantity.unit) === "money" });
  const contribution: Contribution = { what, kind, kindExplicit: explicit !== undefined };
  if (quantity) contribution.quantity = quantity;
  return ok(contribution);
}

function removeTags(text: string): string {
  // Take the spaces before a tag with it, so "soup #food, thanks" reads "soup, thanks"
  // (walked by hand: a /\s*#tag/ pattern is quadratic on long runs of spaces).
  let kept = "";
  let from = 0;
  for (const match of text.matchAll(TAG)) {
    let start = match.index;
    while (start > from && /\s/u.test(text[start - 1] ?? "")) start--;
    kept += text.slice(from, start);
    from = match.index + match[0].length;
  }
  kept += text.slice(from);
  // Separators left dangling at either end: "#food: soup", "soup, #food".
  return kept.replace(/^[\s,;:–—-]+/u, "").replace(/[,;:–—-]+\s*$/u, "");
}

function tidy(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}
