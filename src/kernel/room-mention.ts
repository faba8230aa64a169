/**
 * A whole-room mention: `@room` is what Matrix push rules (`.m.rule.roomnotif` reads the plain body)
 * and Element's pills read as "notify everyone", even inside a word; `@here`, `@channel` and
 * `@everyone` are what bridged rooms (Slack, Discord) relay as one. Case does not matter to them.
 */
const WHOLE_ROOM = /@(room|here|channel|everyone)/giu;

/**
 * U+FF20 FULLWIDTH COMMERCIAL AT: a visible at sign that no push rule, client or bridge reads as a
 * mention's sigil, so `＠room` still reads as what a member wrote. A zero-width joiner would also
 * break the match, but invisibly: text cleaners (ours too) and copy-paste drop it, and the ping
 * comes back; a screen reader would say nothing at all.
 */
const HARMLESS_AT = "\uFF20";

/** A text of the bot's that can notify nobody: every whole-room mention in it is disarmed. */
export function withoutRoomMentions(text: string): string {
  return text.replace(WHOLE_ROOM, `${HARMLESS_AT}$1`);
}

/**
 * The same for HTML the bot renders: text is disarmed, but link targets (a pill's
 * `https://matrix.to/#/@room:example.org`, a person whose username is "room") stay working ids.
 */
export function htmlWithoutRoomMentions(html: string): string {
  return html.replace(
    /(\shref="[^"]*")|@(room|here|channel|everyone)/giu,
    (_m, href: string | undefined, word: string | undefined) => href ?? `${HARMLESS_AT}${word}`,
  );
}
