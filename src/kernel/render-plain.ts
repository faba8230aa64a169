import type { Block, Doc, Inline } from "./doc.js";
import { withoutRoomMentions } from "./room-mention.js";

function inline(parts: Inline[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.kind === "mention" ? p.person.name : p.text)).join("");
}

function block(b: Block): string {
  switch (b.kind) {
    case "p":
      return inline(b.parts);
    case "heading":
      return inline(b.parts);
    case "list":
      return b.items.map((item) => `• ${inline(item)}`).join("\n");
    case "pre":
      return b.text;
  }
}

/**
 * The plain-text form of a reply: the console's output and the Matrix `body` fallback. It never
 * pings the whole room, whatever a member's words or a name echoed in it hold.
 */
export function renderPlain(d: Doc): string {
  return withoutRoomMentions(d.blocks.map(block).join("\n"));
}
