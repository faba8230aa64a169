import { MatrixEvent, type MatrixClient } from "matrix-js-sdk";
import type { Logger } from "pino";
import type { IncomingEvent, Invocation, MemberJoin, PollAnswer, Reaction } from "../../kernel/invocation.js";
import { HOST_MARK } from "../../kernel/other-tandems.js";
import { errorForLog } from "../../platform/log.js";
import { htmlToCommandText, plainToCommandText } from "./html-text.js";
import type { Inbox, InboxRow } from "./inbox.js";
import { pollAnswerFrom } from "./polls.js";
import { signedDevice as isSignedDevice, type SenderGuard } from "./sender-guard.js";

interface Relation {
  rel_type?: unknown;
  event_id?: unknown;
  key?: unknown;
  "m.in_reply_to"?: { event_id?: unknown };
  is_falling_back?: unknown;
}

export interface MessageContent {
  msgtype?: unknown;
  body?: unknown;
  format?: unknown;
  formatted_body?: unknown;
  "m.mentions"?: { user_ids?: unknown };
  "m.new_content"?: unknown;
  "m.relates_to"?: Relation;
}

function isAnnotation(relation: Relation | undefined): boolean {
  return relation?.rel_type === "m.annotation";
}

/**
 * "sender reacted with key to event": an `m.reaction` annotating an event. Clients keep the
 * relation of an encrypted event in its clear wrapper, so it is read from either place.
 */
export function reactionFrom(
  eventId: string,
  roomId: string,
  sender: string,
  sentAt: number,
  relation: Relation | undefined,
): Reaction | undefined {
  if (!isAnnotation(relation) || typeof relation?.event_id !== "string" || typeof relation.key !== "string")
    return undefined;
  return { eventId, roomId, sender, relatesTo: relation.event_id, key: relation.key, sentAt };
}

/** A person who joined, from an `m.room.member` event the sync recorder kept (only joins of others are kept). */
export function joinFrom(
  eventId: string,
  roomId: string,
  sentAt: number,
  stateKey: string | undefined,
  content: { membership?: unknown; displayname?: unknown },
): MemberJoin | undefined {
  if (!stateKey || content.membership !== "join") return undefined;
  return {
    eventId,
    roomId,
    userId: stateKey,
    sentAt,
    ...(typeof content.displayname === "string" && content.displayname ? { displayName: content.displayname } : {}),
  };
}

/**
 * The command a decrypted `m.room.message` carries, or undefined when it is not one: notices,
 * emotes, media, edits (a corrected command is not run again) and empty texts are ignored.
 */
export function invocationFrom(
  eventId: string,
  roomId: string,
  sender: string,
  sentAt: number,
  content: MessageContent,
): Invocation | undefined {
  if (content.msgtype !== "m.text" || typeof content.body !== "string") return undefined;
  const relation = content["m.relates_to"];
  if (content["m.new_content"] !== undefined || relation?.rel_type === "m.replace") return undefined;
  const html =
    content.format === "org.matrix.custom.html" && typeof content.formatted_body === "string"
      ? content.formatted_body
      : undefined;
  // Read once, here: pills become user ids, and what is quoted, code or struck through goes, so the
  // kernel sees only the member's own words.
  const text = html !== undefined ? htmlToCommandText(html) : plainToCommandText(content.body);
  if (text.trim() === "") return undefined;
  const ids = content["m.mentions"]?.user_ids;
  const mentionedUserIds = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === "string") : undefined;
  const threadRootId =
    relation?.rel_type === "m.thread" && typeof relation.event_id === "string" ? relation.event_id : undefined;
  // In a thread, a reply to the thread's latest event that the client only falls back to is no reply.
  const repliedTo = relation?.["m.in_reply_to"]?.event_id;
  const replyTo =
    typeof repliedTo === "string" && !(threadRootId !== undefined && relation?.is_falling_back === true)
      ? repliedTo
      : undefined;
  return {
    eventId,
    roomId,
    sender,
    text,
    sentAt,
    ...(mentionedUserIds !== undefined ? { mentionedUserIds } : {}),
    ...(threadRootId !== undefined ? { threadRootId } : {}),
    ...(replyTo !== undefined ? { replyTo } : {}),
  };
}

/**
 * What the inbox asks of the dispatcher. Each call is synchronous and commits its own SQLite
 * transaction, so a row is closed only after what it meant was stored.
 */
export interface IncomingDispatcher {
  handle(inv: Invocation): unknown;
  /** Decides what a reaction to one of the bot's messages means, if anything. */
  handleReaction(reaction: Reaction): unknown;
  /** Counts an answer to one of the bot's polls. */
  handlePollAnswer(answer: PollAnswer): unknown;
  /** Whether a feature reads structured events of this type (federation between Tandems). */
  readsEvent(type: string): boolean;
  handleEvent(event: IncomingEvent): unknown;
  /** Lets the features greet someone who joined. */
  handleJoin(join: MemberJoin): unknown;
}

export interface IncomingDeps {
  client: MatrixClient;
  inbox: Inbox;
  log: Logger;
  clock: () => number;
  /** Where commands, reactions, poll answers and structured events go: the dispatcher. */
  dispatcher: IncomingDispatcher;
  isRoomEncrypted(roomId: string): Promise<boolean>;
  allowUnencryptedRooms: boolean;
  /** The room is not encrypted and commands are refused there: make sure it was told why. */
  onUnencryptedCommandRoom(roomId: string): Promise<void>;
  undecryptableNoticeAfterMs: number;
  /** Asks the sender to send the message again; must be durable and single (the outbox). */
  enqueueUndecryptableNotice(row: InboxRow): void;
  /** Refuses unverified devices and holds members whose identity changed; everyone is obeyed without it. */
  guard?: SenderGuard;
}

/**
 * Works through the open rows of the inbox: decrypts, turns messages into invocations, hands them
 * to the dispatcher, and closes each row only after the dispatcher committed. Undecryptable rows
 * are tried again on every pass (keys arrive with later syncs or from key backup); after the
 * configured time the sender gets one notice and the row is given up.
 */
export class IncomingProcessor {
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly deps: IncomingDeps) {}

  /** Runs a pass now, or right after the current one; never two at once. */
  process(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.pass();
        } while (this.again);
      } catch (err) {
        // Callers fire and forget after each sync: a rejection here would be unhandled and end the
        // process. Open rows stay open, so the next pass takes them up.
        this.deps.log.error(
          { err: errorForLog(err) },
          "incoming messages not processed; will try again after the next sync",
        );
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private async pass(): Promise<void> {
    const { inbox, log } = this.deps;
    for (const row of inbox.open()) {
      try {
        await this.processRow(row);
      } catch (err) {
        // Left open: the next pass tries again. No content in the log.
        log.error(
          { eventId: row.eventId, roomId: row.roomId, err: errorForLog(err) },
          "incoming message not processed yet",
        );
      }
    }
    // Messages released by a moderator's !trust are run in a pass right after.
    if (await this.deps.guard?.afterPass()) this.again = true;
    inbox.prune(this.deps.clock());
  }

  private async processRow(row: InboxRow): Promise<void> {
    const { inbox, client } = this.deps;
    if (row.raw.type === "m.room.member") {
      // Membership is room state, never encrypted: the homeserver vouches for it, not a client.
      const join = joinFrom(row.eventId, row.roomId, row.raw.origin_server_ts, row.raw.state_key, row.raw.content);
      if (join) this.deps.dispatcher.handleJoin(join);
      return inbox.finish(row.seq, "done");
    }
    const event = this.alreadyDecrypted(row) ?? new MatrixEvent(row.raw);
    const encrypted = await this.deps.isRoomEncrypted(row.roomId);
    if (event.isEncrypted()) {
      await client.decryptEventIfNeeded(event);
      if (event.isDecryptionFailure()) {
        if (this.deps.guard?.refusedOnDecryption(row, event)) return;
        return this.undecryptable(row);
      }
    } else if (encrypted && event.getType() !== "m.reaction") {
      // Plain text in an encrypted room is not from a member's client; never act on it. Reactions
      // are the exception: Element Web (matrix-js-sdk) sends them unencrypted in encrypted rooms.
      return inbox.finish(row.seq, "done");
    } else if (!encrypted && !this.deps.allowUnencryptedRooms) {
      await this.deps.onUnencryptedCommandRoom(row.roomId);
      return inbox.finish(row.seq, "done");
    }
    if (event.getSender() === client.getUserId()) return inbox.finish(row.seq, "done");
    if (this.deps.guard && (await this.deps.guard.verdict(row, event)) !== "act") return;
    const sentAt = row.raw.origin_server_ts;
    if (event.getType() === "m.room.message" && (event.getContent() as Record<string, unknown>)[HOST_MARK] === true) {
      // Another Tandem's message in a room it hosts: never a command here, and news that the room is its.
      if (this.deps.dispatcher.readsEvent(HOST_MARK)) {
        const signedDevice = event.isEncrypted() && (await isSignedDevice(this.deps.client, event));
        this.deps.dispatcher.handleEvent({
          eventId: row.eventId,
          roomId: row.roomId,
          sender: row.sender,
          type: HOST_MARK,
          content: {},
          sentAt,
          signedDevice,
        });
      }
    } else if (event.getType() === "m.room.message") {
      const inv = invocationFrom(row.eventId, row.roomId, row.sender, sentAt, event.getContent() as MessageContent);
      if (inv) this.deps.dispatcher.handle(inv);
    } else if (event.getType() === "m.reaction") {
      const relation =
        (event.getContent() as MessageContent)["m.relates_to"] ??
        (event.getWireContent() as MessageContent)["m.relates_to"];
      const reaction = reactionFrom(row.eventId, row.roomId, row.sender, sentAt, relation);
      if (reaction) this.deps.dispatcher.handleReaction(reaction);
    } else if (this.deps.dispatcher.readsEvent(event.getType())) {
      // Only encrypted structured events reach here in an encrypted room (plain ones were dropped above).
      const signedDevice = event.isEncrypted() && (await isSignedDevice(this.deps.client, event));
      this.deps.dispatcher.handleEvent({
        eventId: row.eventId,
        roomId: row.roomId,
        sender: row.sender,
        type: event.getType(),
        content: event.getContent(),
        sentAt,
        signedDevice,
      });
    } else {
      const wire = event.getWireContent() as MessageContent;
      const content = event.getContent() as MessageContent & Record<string, unknown>;
      const answer = pollAnswerFrom(
        row.eventId,
        row.roomId,
        row.sender,
        sentAt,
        event.getType(),
        content,
        content["m.relates_to"] ?? wire["m.relates_to"],
      );
      if (answer) this.deps.dispatcher.handlePollAnswer(answer);
    }
    inbox.finish(row.seq, "done");
  }

  /**
   * The sdk's own copy of the event, when it has already decrypted it from the same sync: decrypting
   * the inbox's copy again would cost a second Megolm decryption on every command. A copy it could
   * not decrypt (yet) is not used: the inbox's is tried afresh, as before.
   */
  private alreadyDecrypted(row: InboxRow): MatrixEvent | undefined {
    const known = this.deps.client.getRoom(row.roomId)?.findEventById(row.eventId);
    if (
      !known ||
      !known.isEncrypted() ||
      known.isBeingDecrypted() ||
      known.isDecryptionFailure() ||
      known.shouldAttemptDecryption()
    )
      return undefined;
    return known;
  }

  private undecryptable(row: InboxRow): void {
    const { inbox, clock } = this.deps;
    const now = clock();
    const since = row.undecryptableAt ?? now;
    if (row.state !== "undecryptable") {
      inbox.markUndecryptable(row.seq, now);
      this.deps.log.warn(
        { eventId: row.eventId, roomId: row.roomId },
        "message cannot be decrypted yet; waiting for its keys",
      );
    }
    if (now - since >= this.deps.undecryptableNoticeAfterMs) {
      // A lost reaction is not worth a message; its relation travels in the clear, so it is recognised.
      if (!isAnnotation((row.raw.content as MessageContent)["m.relates_to"])) this.deps.enqueueUndecryptableNotice(row);
      inbox.finish(row.seq, "abandoned");
    }
  }
}
