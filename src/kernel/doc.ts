/**
 * Replies are built as a small document, rendered by each transport: plain text for the console
 * and the Matrix `body`, escaped HTML with pills for `formatted_body`. Commands never build HTML.
 */
export type Inline =
  | string
  | { kind: "mention"; person: { userId?: string; name: string } }
  | { kind: "strong"; text: string }
  | { kind: "em"; text: string }
  | { kind: "code"; text: string };

export type Block =
  | { kind: "p"; parts: Inline[] }
  | { kind: "heading"; parts: Inline[] }
  | { kind: "list"; items: Inline[][] }
  | { kind: "pre"; text: string };

export interface Doc {
  blocks: Block[];
  /**
   * What the message is about, e.g. "careplan:3". Kept with the delivered message (never its text)
   * so a reaction to it can be understood; see `Command.reaction`.
   */
  ref?: string;
}

export const p = (...parts: Inline[]): Block => ({ kind: "p", parts });
export const heading = (...parts: Inline[]): Block => ({ kind: "heading", parts });
export const list = (items: Inline[][]): Block => ({ kind: "list", items });
export const pre = (text: string): Block => ({ kind: "pre", text });
export const doc = (...blocks: Block[]): Doc => ({ blocks });
/** The same message, marked as being about `ref`. */
export const about = (ref: string, message: Doc): Doc => ({ ...message, ref });
