import type { Doc } from "./doc.js";

/** A member of a room as the transport knows it. */
export interface RoomMember {
  userId: string;
  displayName?: string;
}

/**
 * What the dispatcher may ask a transport about a room, synchronously: the Matrix client keeps
 * room state in memory after sync, the console keeps it in a map.
 */
export interface RoomView {
  members(roomId: string): RoomMember[];
  powerLevel(roomId: string, userId: string): number;
  /** The bot's own user id, where the transport has one: it is a member of its rooms, never one of the people. */
  self?(): string | undefined;
  /** Whether the room is a direct chat between one member and the bot (where secret votes are cast). */
  isDirect?(roomId: string): boolean;
}

/** A message waiting in the outbox, to be delivered exactly once. */
export interface OutgoingMessage {
  /** Outbox row id. */
  id: number;
  roomId: string;
  /** Stable key: derived from the triggering event id or the scheduled job run; used as Matrix txnId. */
  key: string;
  doc: Doc;
  /** Event this message answers, for reply relations; absent for scheduled posts. */
  replyToEventId?: string;
  threadRootId?: string;
  /** "reply" for command answers, "notice" for scheduled posts (sent as m.notice). */
  kind: "reply" | "notice";
  /** For a document that ends a poll: the event the poll became, when it was delivered. */
  pollEventId?: string;
}

/**
 * A transport delivers outbox messages; it resolves only once the homeserver (or stdout) accepted
 * it, with the id of the event the message became where there is one (Matrix), so reactions to it
 * can be recognised.
 */
export interface Transport extends RoomView {
  send(message: OutgoingMessage): Promise<string | void>;
  /**
   * Whether messages for this room can be delivered now; those for other rooms wait in the outbox
   * (the console shows one room per session). Every room when absent.
   */
  delivers?(roomId: string): boolean;
}
