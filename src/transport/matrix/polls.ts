/**
 * Native Matrix polls (MSC3381), as Element Web and Element X send them today: the event types and
 * content keys under their unstable names (`org.matrix.msc3381.poll.*`, text in
 * `org.matrix.msc1767.text`), which is what matrix-events-sdk's `PollStartEvent.serialize()` writes.
 * Answers are read under both the unstable and the stable (`m.poll.response`, `m.selections`) names,
 * so a client that moved to the stable spec is understood too.
 */
import type { Poll } from "../../kernel/doc.js";
import type { PollAnswer } from "../../kernel/invocation.js";
import type { OutgoingMessage } from "../../kernel/port.js";
import { renderPlain } from "../../kernel/render-plain.js";
import { withoutRoomMentions } from "../../kernel/room-mention.js";

export const POLL_START_TYPE = "org.matrix.msc3381.poll.start";
export const POLL_END_TYPE = "org.matrix.msc3381.poll.end";
export const POLL_RESPONSE_TYPES = new Set(["org.matrix.msc3381.poll.response", "m.poll.response"]);

const TEXT = "org.matrix.msc1767.text";
const KIND_DISCLOSED = "org.matrix.msc3381.poll.disclosed";
const KIND_UNDISCLOSED = "org.matrix.msc3381.poll.undisclosed";

/** Bounds on what a member's client may send: no poll of ours has more answers, no id is longer. */
const MAX_ANSWERS = 20;
const MAX_ANSWER_ID_LENGTH = 100;

export interface PollStartContent {
  [POLL_START_TYPE]: {
    question: { [TEXT]: string };
    kind: string;
    max_selections: number;
    answers: ({ id: string } & { [TEXT]: string })[];
  };
  /** What a client without polls shows: the document's plain text. */
  [TEXT]: string;
}

export interface PollEndContent {
  "m.relates_to": { rel_type: "m.reference"; event_id: string };
  [POLL_END_TYPE]: Record<string, never>;
  /** The result, as text: Element shows it as the poll's closing message. */
  [TEXT]: string;
}

export function pollStartContent(poll: Poll, fallback: string): PollStartContent {
  return {
    [POLL_START_TYPE]: {
      // A member's question and options are shown as the poll itself: no whole-room ping in them either.
      question: { [TEXT]: withoutRoomMentions(poll.question) },
      kind: poll.disclosed ? KIND_DISCLOSED : KIND_UNDISCLOSED,
      max_selections: poll.maxSelections,
      answers: poll.answers.map((a) => ({ id: a.id, [TEXT]: withoutRoomMentions(a.text) })),
    },
    [TEXT]: fallback,
  };
}

export function pollEndContent(pollEventId: string, result: string): PollEndContent {
  return { "m.relates_to": { rel_type: "m.reference", event_id: pollEventId }, [POLL_END_TYPE]: {}, [TEXT]: result };
}

interface Relation {
  rel_type?: unknown;
  event_id?: unknown;
}

/**
 * "sender answered poll X with these ids", from a decrypted poll response. The relation of an
 * encrypted event travels in its clear wrapper, so the caller passes whichever carries it. The
 * selection is read where each client writes it: `m.selections` (stable MSC3381),
 * `org.matrix.msc3381.poll.response.answers` (Element today) and `m.poll.response.answers` (early
 * stable drafts). A response with no readable selection is not an answer: it changes nothing, since
 * reading it as a withdrawal would drop a member's vote over a shape we did not understand.
 */
export function pollAnswerFrom(
  eventId: string,
  roomId: string,
  sender: string,
  sentAt: number,
  type: string,
  content: Record<string, unknown>,
  relation: Relation | undefined,
): PollAnswer | undefined {
  if (!POLL_RESPONSE_TYPES.has(type)) return undefined;
  if (relation?.rel_type !== "m.reference" || typeof relation.event_id !== "string") return undefined;
  const given = selectionsOf(content);
  // Like Element: ids that cannot be answers are dropped, extra selections cut off (the feature
  // that posted the poll applies its own max_selections and ignores ids it does not know).
  const ids = given.filter(
    (a): a is string => typeof a === "string" && a.length > 0 && a.length <= MAX_ANSWER_ID_LENGTH,
  );
  const answerIds = [...new Set(ids)].slice(0, MAX_ANSWERS);
  if (answerIds.length === 0) return undefined;
  return { eventId, roomId, sender, pollEventId: relation.event_id, answerIds, sentAt };
}

function selectionsOf(content: Record<string, unknown>): unknown[] {
  const answersOf = (body: unknown) =>
    typeof body === "object" && body !== null ? (body as { answers?: unknown }).answers : undefined;
  for (const list of [
    content["m.selections"],
    answersOf(content["org.matrix.msc3381.poll.response"]),
    answersOf(content["m.poll.response"]),
  ]) {
    if (Array.isArray(list)) return list;
  }
  return [];
}

/**
 * The poll event a message becomes, if it is one: a poll start for a document with a poll, a poll
 * end for a document that ends one whose start was delivered. Anything else (and the end of a poll
 * that never went out) is an ordinary message.
 */
export function pollEventFor(
  message: OutgoingMessage,
): { type: string; content: PollStartContent | PollEndContent } | undefined {
  const { doc } = message;
  if (doc.poll) return { type: POLL_START_TYPE, content: pollStartContent(doc.poll, renderPlain(doc)) };
  if (doc.endsPoll && message.pollEventId)
    return { type: POLL_END_TYPE, content: pollEndContent(message.pollEventId, renderPlain(doc)) };
  return undefined;
}
