import type { MemberJoin } from "../../src/kernel/invocation.js";
import type { OutgoingMessage, RoomMember, Transport } from "../../src/kernel/port.js";

let joins = 0;

/**
 * The one transport for tests: rooms, members and power levels are set by the test; what was
 * sent is kept, and sending fails when the test says so.
 */
export class FakeTransport implements Transport {
  readonly sent: OutgoingMessage[] = [];
  /** The outbox key of every send tried, delivered or not. */
  readonly tried: string[] = [];
  private readonly rooms = new Map<string, { members: RoomMember[]; power: Map<string, number> }>();
  /** How many of the next sends fail as a network error would (the outbox retries them). */
  failNext = 0;
  /** A failure of the test's choosing for some messages: a room that keeps failing, a refusal for good. */
  failure: ((message: OutgoingMessage) => Error | undefined) | undefined;

  /** Told of each person who joins a room they were not in, as the Matrix transport tells the dispatcher. */
  onJoin: ((join: MemberJoin) => void) | undefined;

  join(roomId: string, userId: string, displayName?: string, power = 0): void {
    const room = this.rooms.get(roomId) ?? { members: [], power: new Map<string, number>() };
    const isNew = !room.members.some((m) => m.userId === userId);
    room.members = room.members.filter((m) => m.userId !== userId);
    room.members.push({ userId, ...(displayName ? { displayName } : {}) });
    room.power.set(userId, power);
    this.rooms.set(roomId, room);
    if (isNew)
      this.onJoin?.({ eventId: `$join${++joins}`, roomId, userId, ...(displayName ? { displayName } : {}), sentAt: 0 });
  }

  members(roomId: string): RoomMember[] {
    return this.rooms.get(roomId)?.members ?? [];
  }

  /** The bot's own id, when a test puts the bot among a room's members (as Matrix lists it). */
  selfId: string | undefined;

  self(): string | undefined {
    return this.selfId;
  }

  /** Rooms the test marked as direct chats between one member and the bot. */
  readonly directRooms = new Set<string>();

  isDirect(roomId: string): boolean {
    return this.directRooms.has(roomId);
  }

  powerLevel(roomId: string, userId: string): number {
    return this.rooms.get(roomId)?.power.get(userId) ?? 0;
  }

  /** The event id a delivered message became: stable per outbox key, like Matrix's transaction ids. */
  static eventIdOf(message: Pick<OutgoingMessage, "key">): string {
    return `$sent:${message.key}`;
  }

  async send(message: OutgoingMessage): Promise<string> {
    this.tried.push(message.key);
    const failure = this.failNext > 0 ? networkDown() : this.failure?.(message);
    if (failure) {
      this.failNext = Math.max(0, this.failNext - 1);
      throw failure;
    }
    this.sent.push(message);
    return FakeTransport.eventIdOf(message);
  }
}

/** A failure worth retrying, as the homeserver's client reports one. */
export function networkDown(): Error {
  return Object.assign(new Error("network down"), { errcode: "M_UNKNOWN" });
}
