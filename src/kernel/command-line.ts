import type { Invocation } from "./invocation.js";
import { withMentionIds } from "./mentions.js";
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
