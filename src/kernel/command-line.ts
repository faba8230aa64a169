import type { Invocation } from "./invocation.js";
import type { RoomView } from "./port.js";
import { cleanInput } from "./text-hygiene.js";

/**
 * The one normalisation stage between a transport's words and the tokenizer: the transport has
 * already kept only the member's own words (pills as ids, no quotes or code); here mentions are
 * written as ids (before cleaning, so a display name holding a joiner still matches), invisible and
 * control characters go, and the prefix is checked, once. Returns the
 * line without its prefix, or undefined when the message is not a command.
 */
export function commandLine(inv: Invocation, room: RoomView, prefix: string): string | undefined {
  const text = cleanInput(withMentionIds(inv.text, inv, room)).trim();
  if (!text.startsWith(prefix)) return undefined;
  // "@ana,@bo" names two people, like "@ana, @bo".
  return text.slice(prefix.length).replace(/,(?=@)/g, ", ");
}

/**
 * The text with every m.mentions id written in where a client left only the display name in the
 * plain body (a pill's HTML already holds the id).
 */
function withMentionIds(text: string, inv: Pick<Invocation, "roomId" | "mentionedUserIds">, room: RoomView): string {
  for (const userId of inv.mentionedUserIds ?? []) {
    if (text.includes(userId)) continue;
    const name = room.members(inv.roomId).find((m) => m.userId === userId)?.displayName;
    if (!name) continue;
    text = text.replace(new RegExp(`(^|\\s)@?${escapeRegExp(name)}(?=\\s|$|[,.;:!?])`), `$1${userId}`);
  }
  return text;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
