import { createHash } from "node:crypto";
import { EventType, MatrixError, MatrixEvent, Method, type MatrixClient, type Room } from "matrix-js-sdk";
import type { CryptoBackend } from "matrix-js-sdk/lib/common-crypto/CryptoBackend.js";
import { encodeUri } from "matrix-js-sdk/lib/utils.js";
import { PermanentSendError } from "../../kernel/outbox/sender.js";
import type { OutgoingMessage, RoomMember, Transport } from "../../kernel/port.js";
import { sendAttachment } from "./attachments.js";
import { renderMatrixContent, type MatrixMessageContent } from "./format.js";
import { unencryptedExplanationKey } from "./notices.js";
import { pollEventFor, type PollEndContent, type PollStartContent } from "./polls.js";

/**
 * The Matrix transaction id of an outbox key. The homeserver remembers (device, txnId) and
 * answers a repeated PUT with the first event, so resending after a crash cannot post twice.
 */
export function txnIdFor(key: string): string {
  return `tandem.${createHash("sha256").update(key).digest("base64url").slice(0, 32)}`;
}

/** Errors after which sending again to this room cannot succeed. */
const PERMANENT = new Set(["M_FORBIDDEN", "M_NOT_FOUND", "M_TOO_LARGE", "M_BAD_JSON", "M_NOT_JSON"]);

export class MatrixTransport implements Transport {
  /** Which rooms this Tandem hosts for others; known once the app is built on the transport. */
  private hosts: (roomId: string) => boolean = () => false;

  constructor(
    private readonly client: MatrixClient,
    private readonly options: { allowUnencryptedRooms: boolean; ready: Promise<void> },
  ) {}

  /** Tells the transport which rooms the app hosts for others, so its messages there carry the host mark. */
  hostRoomsOf(hosts: (roomId: string) => boolean): void {
    this.hosts = hosts;
  }

  members(roomId: string): RoomMember[] {
    const room = this.client.getRoom(roomId);
    if (!room) return [];
    return room
      .getJoinedMembers()
      .map((m) => ({ userId: m.userId, ...(m.rawDisplayName ? { displayName: m.rawDisplayName } : {}) }));
  }

  self(): string | undefined {
    return this.client.getUserId() ?? undefined;
  }

  /**
   * A direct chat is a room the bot was invited to as a direct chat (the invite's `is_direct`, as
   * Element sets it) that still holds only the bot and one person: there secret votes are cast and
   * support is asked for. A cell's room is never one.
   */
  isDirect(roomId: string): boolean {
    const room = this.client.getRoom(roomId);
    if (!room || room.getDMInviter() === undefined) return false;
    const people = room.getMembers().filter((m) => m.membership === "join" || m.membership === "invite");
    return people.length <= 2;
  }

  /** From the room's m.room.power_levels state, as the homeserver enforces it. */
  powerLevel(roomId: string, userId: string): number {
    const room = this.client.getRoom(roomId);
    if (!room) return 0;
    const member = room.getMember(userId);
    if (member) return member.powerLevel;
    const levels = room.currentState.getStateEvents(EventType.RoomPowerLevels, "")?.getContent() as
      | { users?: Record<string, number>; users_default?: number }
      | undefined;
    return levels?.users?.[userId] ?? levels?.users_default ?? 0;
  }

  async isRoomEncrypted(roomId: string): Promise<boolean> {
    const room = this.client.getRoom(roomId);
    if (room?.hasEncryptionStateEvent()) return true;
    return (await this.client.getCrypto()?.isEncryptionEnabledInRoom(roomId)) ?? false;
  }

  /** Resolves with the event id the homeserver gave the message (the same one again for a repeated txnId). */
  async send(message: OutgoingMessage): Promise<string> {
    const structured = message.doc.event;
    if (structured) {
      try {
        return await this.sendContent(
          message.roomId,
          structured.content,
          txnIdFor(message.key),
          this.options.allowUnencryptedRooms,
          structured.type,
        );
      } catch (err) {
        // A cell may ask to join an assembly before its moderators invited this bot into the room:
        // the event waits in the outbox, retried, until the bot is in.
        if (err instanceof PermanentSendError && err.code === "M_NOT_IN_ROOM")
          throw Object.assign(new Error("not in the room yet"), { errcode: "M_NOT_IN_ROOM_YET" });
        throw err;
      }
    }
    const poll = pollEventFor(message);
    if (poll)
      return this.sendContent(
        message.roomId,
        poll.content,
        txnIdFor(message.key),
        this.options.allowUnencryptedRooms,
        poll.type,
      );
    const attachment = message.doc.attachment;
    if (attachment)
      return sendAttachment(
        {
          client: this.client,
          ready: this.options.ready,
          allowPlainText: this.options.allowUnencryptedRooms,
          isRoomEncrypted: (id) => this.isRoomEncrypted(id),
          sendContent: (content) =>
            this.sendContent(message.roomId, content, txnIdFor(message.key), this.options.allowUnencryptedRooms),
        },
        message,
        attachment,
      );
    const content = renderMatrixContent(message.doc, {
      kind: message.kind,
      host: this.hosts(message.roomId),
      ...(message.replyToEventId ? { replyToEventId: message.replyToEventId } : {}),
      ...(message.threadRootId ? { threadRootId: message.threadRootId } : {}),
    });
    const plainText = this.options.allowUnencryptedRooms || message.key === unencryptedExplanationKey(message.roomId);
    return this.sendContent(message.roomId, content, txnIdFor(message.key), plainText);
  }

  /**
   * Sends one message. Waits for the first sync (before it, the room's encryption is unknown and
   * the sdk would send plain text); encrypts for an encrypted room and refuses to send anything
   * but ciphertext there; sends plain text only to an unencrypted room, and only if allowed.
   */
  async sendContent(
    roomId: string,
    content: MatrixMessageContent | PollStartContent | PollEndContent | Record<string, unknown>,
    txnId: string,
    allowPlainText: boolean,
    eventType: string = EventType.RoomMessage,
  ): Promise<string> {
    await this.options.ready;
    const room = this.client.getRoom(roomId);
    // Invited: the bot is joining, or joined and the sdk shows it late (RoomKeeper.reloadState); the message waits.
    if (room?.getMyMembership() === "invite")
      throw Object.assign(new Error("not in the room yet"), { errcode: "M_NOT_IN_ROOM_YET" });
    if (!room || room.getMyMembership() !== "join") throw new PermanentSendError("M_NOT_IN_ROOM");
    let type: string = eventType;
    let wire: object = content;
    if (await this.isRoomEncrypted(roomId)) {
      ({ type, wire } = await this.encrypt(room, eventType, content, txnId));
      if (type !== EventType.RoomMessageEncrypted)
        throw new Error("refusing to send plain text into an encrypted room");
    } else if (!allowPlainText) {
      throw new PermanentSendError("M_ROOM_NOT_ENCRYPTED");
    }
    try {
      const sent = await this.client.http.authedRequest<{ event_id: string }>(
        Method.Put,
        encodeUri("/rooms/$roomId/send/$type/$txnId", { $roomId: roomId, $type: type, $txnId: txnId }),
        undefined,
        wire,
      );
      return sent.event_id;
    } catch (err) {
      if (err instanceof MatrixError && PERMANENT.has(err.errcode ?? "")) throw new PermanentSendError(err.errcode!);
      throw err;
    }
  }

  private async encrypt(
    room: Room,
    eventType: string,
    content: object,
    txnId: string,
  ): Promise<{ type: string; wire: object }> {
    const crypto = this.client.getCrypto() as (CryptoBackend & ReturnType<MatrixClient["getCrypto"]>) | undefined;
    if (!crypto) throw new Error("crypto is not initialised; refusing to send into an encrypted room");
    const event = new MatrixEvent({
      type: eventType,
      content: content as unknown as Record<string, unknown>,
      room_id: room.roomId,
      sender: this.client.getUserId()!,
      event_id: `~${room.roomId}:${txnId}`,
      origin_server_ts: Date.now(),
    });
    await crypto.encryptEvent(event, room);
    return { type: event.getWireType(), wire: event.getWireContent() };
  }
}
