import { err, ok, type Result } from "../../../../src/kernel/result.js";

/** An article as members write it: a title, then its text. */
export interface ArticleText {
  title: string;
  body: string;
}

const MAX_TITLE = 80;

/**
 * "Title: text" or "Title — text" gives both; otherwise the first sentence is the title and the
 * sentences after it the text (none when there is one sentence), so nothing is said twice. A first
 * sentence over 80 characters is cut for the title and the whole kept as the text, so nothing a
 * member wrote is lost.
 */
export function readArticle(raw: string): Result<ArticleText, "empty"> {
  const text = raw.replace(/\s+/g, " ").trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return err("empty");
  const split = /^(.{1,80}?)\s*(?::|—|–| - )\s+(.+)$/u.exec(text);
  if (split && /[\p{L}\p{N}]/u.test(split[1]!)) return ok({ title: split[1]!.trim(), body: split[2]!.trim() });
  const sentence = /^(.+?[.!?])(\s|$)/u.exec(text)?.[1] ?? text;
  if (sentence.length > MAX_TITLE)
    return ok({
      title: `${[...sentence]
        .slice(0, MAX_TITLE - 1)
        .join("")
        .trimEnd()}…`,
      body: text,
    });
  return ok({ title: sentence.replace(/[.!?]$/u, ""), body: text.slice(sentence.length).trim() });
}

/** An article in one line: "Title: text", or the title alone when it has no text of its own. */
export const articleLine = (a: ArticleText): string => (a.body ? `${a.title}: ${a.body}` : a.title);

/** The first line of an article's text, for the short view of the charter. */
export function firstLine(body: string, max = 90): string {
  const line = body.split(/(?<=[.!?])\s/u)[0] ?? body;
  return [...line].length <= max
    ? line
    : `${[...line]
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
