import { Parser } from "htmlparser2";

/**
 * What is shown, not said: a reply's fallback, quotes, code and struck-through text. Clients nest
 * them freely (Element quotes a quote as a blockquote inside a blockquote), so whatever lies inside
 * one of these, at any depth, is never part of a command.
 */
const NOT_OWN_WORDS = new Set(["mx-reply", "blockquote", "q", "pre", "code", "del", "s", "strike"]);
/** Elements after which the text goes on on a new line. */
const LINE_ENDS = new Set([
  "br",
  "p",
  "div",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "tr",
  "table",
  "hr",
]);
/** An Element pill: a matrix.to link to a user (the id may be percent-encoded, and followed by `?via=`). */
const USER_PILL = /^https:\/\/matrix\.to\/#\/((?:@|%40)[^/?]+)/i;

/**
 * Reads a Matrix `formatted_body` as command text: each user pill becomes the user's id, the reply
 * fallback, quotes, code and struck-through text are dropped, other markup is removed. Only pills
 * are trusted; nothing else is rendered. A real parser, because nesting is the rule in clients' HTML.
 */
export function htmlToCommandText(html: string): string {
  let text = "";
  // One entry per open element: what it does to its content. htmlparser2 closes every element it
  // opened (implied closes included), so the stack and the counts stay balanced on broken HTML.
  const open: ("hides" | "pill" | "shows")[] = [];
  let hidden = 0;
  let pill = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const pillId = name === "a" && hidden + pill === 0 ? USER_PILL.exec(attribs.href ?? "")?.[1] : undefined;
        if (pillId !== undefined) text += ` ${safeDecode(pillId)} `;
        const role = pillId !== undefined ? "pill" : NOT_OWN_WORDS.has(name) ? "hides" : "shows";
        open.push(role);
        if (role === "pill") pill++;
        if (role === "hides") hidden++;
      },
      ontext(data) {
        // A pill's own text is a display name: the id written for it stands instead.
        if (hidden + pill === 0) text += data;
      },
      onclosetag(name) {
        const role = open.pop();
        if (role === "pill") pill--;
        if (role === "hides") hidden--;
        if (LINE_ENDS.has(name) && hidden === 0) text += "\n";
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return tidy(text);
}

/**
 * Reads a plain `body` (a client without HTML, or Element's plain fallback) as command text: quoted
 * lines (a reply's fallback, a quote, a quote of a quote) are not the member's words, and a message
 * written as `code` or ~~struck through~~ is shown, not meant to run.
 */
export function plainToCommandText(body: string): string {
  const own = body
    .split("\n")
    .filter((line) => !/^\s*>/.test(line))
    .join("\n");
  return /^\s*(`|~~)/.test(own) ? "" : tidy(own);
}

function tidy(text: string): string {
  return text.replace(/[ \t]+/g, " ").trim();
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
