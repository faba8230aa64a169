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

/**
 * A native poll (Matrix `m.poll.start`, as Element sends it): members answer in their own client.
 * The document's blocks are its plain-text fallback; a transport without polls shows them.
 */
export interface Poll {
  question: string;
  /** Stable ids ("agree", "a1") are what answers come back as. */
  answers: { id: string; text: string }[];
  maxSelections: number;
  /** Whether members see the running results (a secret ballot never uses a native poll). */
  disclosed: boolean;
}

/** A file sent with the message: a PDF for the wall, a PNG poster. Encrypted on the way in encrypted rooms. */
export interface Attachment {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64: documents are stored as JSON in the outbox until delivered. */
  base64: string;
  /** For images: pixel size, and a smaller preview. */
  image?: {
    width: number;
    height: number;
    thumbnail?: { mimeType: string; base64: string; width: number; height: number };
  };
}

export interface Doc {
  blocks: Block[];
  /**
   * What the message is about, e.g. "careplan:3". Kept with the delivered message (never its text)
   * so a reaction or a poll answer to it can be understood; see `Feature.reaction` and `Feature.pollAnswer`.
   */
  ref?: string;
  /** Sent as a native poll about `ref`. */
  poll?: Poll;
  /** Ends the poll the bot posted about this ref (`m.poll.end`); the blocks are the result. */
  endsPoll?: string;
  /** Sent as a file (or image) message; the blocks are its caption and plain-text alternative. */
  attachment?: Attachment;
  /**
   * Sent as a structured event for other bots, not as a message (federation between Tandems): a
   * namespaced type and a JSON content, encrypted like any message. The blocks are unused.
   */
  event?: StructuredEvent;
  /**
   * A listing (the ledger, a digest): names show as pills but notify nobody, or every listing would
   * ping everyone in it. Only a message that addresses someone (the thanked person, the next role
   * holder, a plan's volunteers at its start) notifies them.
   */
  notifiesNobody?: true;
}

export interface StructuredEvent {
  type: string;
  content: Record<string, unknown>;
}

export const p = (...parts: Inline[]): Block => ({ kind: "p", parts });
export const heading = (...parts: Inline[]): Block => ({ kind: "heading", parts });
export const list = (items: Inline[][]): Block => ({ kind: "list", items });
export const pre = (text: string): Block => ({ kind: "pre", text });
export const doc = (...blocks: Block[]): Doc => ({ blocks });
/** The same message as a listing: names as pills, nobody notified. */
export const listing = (message: Doc): Doc => ({ ...message, notifiesNobody: true });
/** The same message, marked as being about `ref`. */
export const about = (ref: string, message: Doc): Doc => ({ ...message, ref });
/** A structured event for other bots, queued like a message. */
export const structured = (type: string, content: Record<string, unknown>): Doc => ({
  blocks: [],
  event: { type, content },
});
