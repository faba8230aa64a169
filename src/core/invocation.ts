/** A person named in a command: on Matrix (userId) or named in plain text (people not on Matrix). */
export interface Person {
  userId?: string;
  name: string;
}

/** One incoming message, already decrypted and normalised by a transport. */
export interface Invocation {
  /** Unique per message; Matrix event id, or a generated id in console mode. */
  eventId: string;
  roomId: string;
  sender: string;
  /** Plain text body. */
  text: string;
  /** HTML formatted_body, if the client sent one (it carries mention pills). */
  html?: string;
  /** m.mentions.user_ids, if present. */
  mentionedUserIds?: string[];
  /** Root event of the thread the message was sent in, so the reply stays in that thread. */
  threadRootId?: string;
  /** Milliseconds since epoch, from the origin server timestamp where there is one. */
  sentAt: number;
}
