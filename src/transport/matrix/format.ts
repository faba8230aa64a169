import type { Block, Doc, Inline } from "../../kernel/doc.js";
import { HOST_MARK } from "../../kernel/other-tandems.js";
import { renderPlain } from "../../kernel/render-plain.js";
import { htmlWithoutRoomMentions } from "../../kernel/room-mention.js";

/** The content of an `m.room.message` Tandem sends: HTML with a plain fallback and exact mentions. */
export interface MatrixMessageContent {
  msgtype: "m.text" | "m.notice";
  body: string;
  format: "org.matrix.custom.html";
  formatted_body: string;
  "m.mentions": { user_ids: string[] };
  "m.relates_to"?: MatrixRelation;
  /** Set in rooms this Tandem hosts for others (see kernel/other-tandems.ts). */
  [HOST_MARK]?: true;
}

export type MatrixRelation =
  | { "m.in_reply_to": { event_id: string } }
  | { rel_type: "m.thread"; event_id: string; is_falling_back: true; "m.in_reply_to": { event_id: string } };

export interface RenderOptions {
  kind: "reply" | "notice";
  /** The room is one this Tandem hosts for others: the message carries the host mark. */
  host?: boolean;
  replyToEventId?: string;
  threadRootId?: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** matrix.to permalink of a user; `@` and `:` stay readable, everything else is percent-encoded. */
export function userPermalink(userId: string): string {
  return `https://matrix.to/#/${encodeURIComponent(userId).replace(/%40/g, "@").replace(/%3A/g, ":")}`;
}

function inlineHtml(part: Inline): string {
  if (typeof part === "string") return escapeHtml(part);
  switch (part.kind) {
    case "mention":
      return part.person.userId
        ? `<a href="${escapeHtml(userPermalink(part.person.userId))}">${escapeHtml(part.person.name)}</a>`
        : escapeHtml(part.person.name);
    case "strong":
      return `<strong>${escapeHtml(part.text)}</strong>`;
    case "em":
      return `<em>${escapeHtml(part.text)}</em>`;
    case "code":
      return `<code>${escapeHtml(part.text)}</code>`;
  }
}

function partsHtml(parts: Inline[]): string {
  return parts.map(inlineHtml).join("");
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case "p":
      return `<p>${partsHtml(block.parts)}</p>`;
    case "heading":
      return `<h4>${partsHtml(block.parts)}</h4>`;
    case "list":
      return `<ul>${block.items.map((item) => `<li>${partsHtml(item)}</li>`).join("")}</ul>`;
    case "pre":
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
  }
}

/** The HTML form of a reply; like the plain one, it never pings the whole room. */
export function renderHtml(doc: Doc): string {
  return htmlWithoutRoomMentions(doc.blocks.map(blockHtml).join(""));
}

/** Every Matrix user the document notifies: each one named in it, once, in order; nobody in a listing. */
export function mentionedUserIds(doc: Doc): string[] {
  if (doc.notifiesNobody) return [];
  const ids = new Set<string>();
  const visit = (parts: Inline[]) => {
    for (const part of parts)
      if (typeof part !== "string" && part.kind === "mention" && part.person.userId) ids.add(part.person.userId);
  };
  for (const block of doc.blocks) {
    if (block.kind === "p" || block.kind === "heading") visit(block.parts);
    else if (block.kind === "list") block.items.forEach(visit);
  }
  return [...ids];
}

function relation(options: RenderOptions): MatrixRelation | undefined {
  if (options.threadRootId) {
    // In a thread, the reply also points at the command so clients without threads show it as a reply.
    const replyTo = options.replyToEventId ?? options.threadRootId;
    return {
      rel_type: "m.thread",
      event_id: options.threadRootId,
      is_falling_back: true,
      "m.in_reply_to": { event_id: replyTo },
    };
  }
  return options.replyToEventId ? { "m.in_reply_to": { event_id: options.replyToEventId } } : undefined;
}

/**
 * Renders a reply document as Matrix content. `m.mentions` names exactly the people the document
 * notifies (never `@room`), so only they are notified.
 */
export function renderMatrixContent(doc: Doc, options: RenderOptions): MatrixMessageContent {
  const content: MatrixMessageContent = {
    msgtype: options.kind === "notice" ? "m.notice" : "m.text",
    body: renderPlain(doc),
    format: "org.matrix.custom.html",
    formatted_body: renderHtml(doc),
    "m.mentions": { user_ids: mentionedUserIds(doc) },
  };
  const relatesTo = relation(options);
  if (relatesTo) content["m.relates_to"] = relatesTo;
  if (options.host) content[HOST_MARK] = true;
  return content;
}
