import { err, ok, type Result } from "../../../src/kernel/result.js";

/** What a member wrote after `!propose`, read into its parts. Parsing only: dates are read by the caller. */
export interface ProposalText {
  question: string;
  secret: boolean;
  /** Option texts for a choice poll; empty for a consent proposal. */
  options: string[];
  maxChoices: number;
  /** The words after "until", as typed ("friday 18:00", "meeting"); undefined for the default deadline. */
  until?: string;
}

export const MAX_OPTIONS = 10;
export const MAX_OPTION_LENGTH = 100;

export type ProposalTextError = "empty" | "options_few" | "options_many" | "option_long" | "max_bad";

const SECRET = /^(secret|secreta|secreto)\s+/iu;
const UNTIL = /\s+(?:until|hasta)\s+(.+)$/iu;
const OPTIONS = /\s*(?:options|opciones)\s*:\s*(.+)$/iu;
const MAX = /\s+max\s+(\d{1,2})\s*$/iu;

export function readProposal(raw: string): Result<ProposalText, ProposalTextError> {
  let text = raw.trim();
  const secret = SECRET.test(text);
  if (secret) text = text.replace(SECRET, "");
  let until: string | undefined;
  text = text.replace(UNTIL, (_all, words: string) => ((until = words.trim()), ""));
  let maxChoices = 1;
  let options: string[] = [];
  const listed = OPTIONS.exec(text);
  if (listed) {
    let optionText = listed[1]!;
    optionText = optionText.replace(MAX, (_all, n: string) => ((maxChoices = Number(n)), ""));
    options = optionText
      .split("|")
      .map((o) => o.replace(/\s+/g, " ").trim())
      .filter(Boolean);
    text = text.slice(0, listed.index);
    if (options.length < 2) return err("options_few");
    if (options.length > MAX_OPTIONS) return err("options_many");
    if (options.some((o) => o.length > MAX_OPTION_LENGTH)) return err("option_long");
    if (maxChoices < 1 || maxChoices > options.length) return err("max_bad");
  }
  const question = text.replace(/\s+/g, " ").trim();
  if (!/[\p{L}\p{N}]/u.test(question)) return err("empty");
  return ok({ question, secret, options, maxChoices, ...(until !== undefined ? { until } : {}) });
}

/** Whether "until …" names the next meeting rather than a date. */
export function meansMeeting(until: string): boolean {
  return /^(the\s+)?(next\s+)?meeting$|^(la\s+)?(pr[oó]xima\s+)?reuni[oó]n$/iu.test(until.trim());
}
