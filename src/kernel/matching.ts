import type { CommandIndex, Match } from "./command-index.js";
import { UserError } from "./errors.js";
import type { Lang } from "./i18n/catalog.js";
import { bindArgs, type ReadWhen, type ResolvePerson } from "./params.js";
import type { Token } from "./tokenizer.js";

/** What the words of one message are read against: the commands, the person resolver, the room's language and prefix. */
export interface Reading {
  index: CommandIndex;
  tokens: Token[];
  line: string;
  resolve: ResolvePerson;
  readWhen?: ReadWhen;
  lang: Lang;
  prefix: string;
}

const argTokens = (m: Match, tokens: Token[]) => [...m.slots, ...tokens.slice(m.consumed)];

/**
 * A name with a number inside ("decision # fix") is tried first; when the words do not fit it
 * ("!decision 2 delegates go to the assembly"), the plain name they start with is taken instead,
 * unless the words look like a typo of another such name ("!careplan 1 joni") or name it to its
 * last word ("!decision 1 fix").
 */
export function chooseMatch(match: Match | undefined, r: Reading): Match | undefined {
  if (!match || match.slots.length === 0) return match;
  const plain = r.index.findPlain(r.tokens);
  if (!plain || plain.command === match.command) return match;
  const fits = (m: Match) => {
    try {
      bindArgs(m.command.params, argTokens(m, r.tokens), r.line, r.resolve, r.readWhen);
      return true;
    } catch {
      return false;
    }
  };
  // "!decision 1 fix" names the command to its last word: a missing text is that command's usage, not a decision "1 fix".
  const namedToTheEnd = !match.slots.includes(r.tokens[match.consumed - 1]!);
  if (namedToTheEnd || fits(match) || r.index.closestForm(r.tokens, r.lang) !== undefined) return match;
  return fits(plain) ? plain : match;
}

/**
 * "I don't know `!careplan 1 joni`. Did you mean `!careplan 1 join`?" when the words are one typo
 * away from a name; words before `from` were typed as a real command's name and are not changed.
 */
export function typoOf(r: Reading, from: number): UserError | undefined {
  const meant = r.index.closestForm(r.tokens, r.lang, from);
  if (!meant) return undefined;
  const found = r.tokens
    .slice(0, meant.split(" ").length)
    .map((tk) => tk.value)
    .join(" ");
  return new UserError("error.unknown_sub", { found: `${r.prefix}${found}`, suggestion: `${r.prefix}${meant}` });
}

/** Binds the arguments; when they do not fit and the words look like a typo of another command, says which. */
export function bindMatch(match: Match, r: Reading): Record<string, unknown> {
  try {
    return bindArgs(match.command.params, argTokens(match, r.tokens), r.line, r.resolve, r.readWhen);
  } catch (err) {
    throw (err instanceof UserError && typoOf(r, match.consumed)) || err;
  }
}
