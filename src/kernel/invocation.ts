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
  /** m.mentions.user_ids, if present. */
  mentionedUserIds?: string[];
  /** Root event of the thread the message was sent in, so the reply stays in that thread. */
  threadRootId?: string;
  /** The event the message answers (a Matrix reply), when it is one. */
  replyTo?: string;
  /** Milliseconds since epoch, from the origin server timestamp where there is one. */
  sentAt: number;
}

/**
 * Someone reacted (any key) to a message. The transport only reports it; what it means, if
 * anything, is decided by the dispatcher from the message it answers (see `Feature.reaction`).
 */
export interface Reaction {
  /** The reaction's own event id: handled once, like a message. */
  eventId: string;
  roomId: string;
  sender: string;
  /** The event reacted to. */
  relatesTo: string;
  key: string;
  sentAt: number;
}

/**
 * Someone answered one of the bot's polls (Matrix `m.poll.response`, stable or msc3381 names). The
 * latest answer of each person is the one that counts; the feature that posted the poll decides.
 */
export interface PollAnswer {
  eventId: string;
  roomId: string;
  sender: string;
  /** The poll's start event. */
  pollEventId: string;
  /** The chosen answer ids; never empty (a response with none readable is not reported). */
  answerIds: string[];
  sentAt: number;
}

/**
 * A structured event from another bot (see `Doc.event`): its type names the feature that reads it,
 * which validates the content itself. Handled once, like a message.
 */
export interface IncomingEvent {
  eventId: string;
  roomId: string;
  sender: string;
  type: string;
  content: unknown;
  sentAt: number;
  /**
   * Whether the sending device is cross-signed by its owner (Matrix: the event's shield is not red).
   * Events from an unsigned or unknown device are false, and a feature should not act on them.
   */
  signedDevice: boolean;
  /**
   * Raised by the transport itself about the room (a member's identity changed), never read from
   * the wire: a handler of such a signal acts only when this is true.
   */
  local?: true;
}

/**
 * Someone joined a room (Matrix: their `m.room.member` became "join" from another membership, not a
 * profile change). Handled once, like a message; features may greet them (see `Feature.joined`).
 */
export interface MemberJoin {
  eventId: string;
  roomId: string;
  userId: string;
  /** The name the room shows for them, when they set one. */
  displayName?: string;
  sentAt: number;
}
