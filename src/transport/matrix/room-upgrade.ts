import { EventType, type MatrixClient, type Room } from "matrix-js-sdk";
import type { Logger } from "pino";
import { doc, p } from "../../kernel/doc.js";
import type { Translator } from "../../kernel/i18n/index.js";
import { moveRoom, RoomMoveConflict } from "../../kernel/room-move.js";
import type { Db } from "../../platform/db.js";
import { errorForLog } from "../../platform/log.js";
import type { Notices } from "./notices.js";

export interface RoomUpgradeDeps {
  client: MatrixClient;
  db: Db;
  log: Logger;
  /** The outbox, for the line in the old room. */
  notices: Notices;
  /** The words of a room, in its language. */
  translatorFor(roomId: string): Translator;
}

/** A room id as a matrix.to link, readable where the client does not make it a link. */
const roomLink = (roomId: string) =>
  `https://matrix.to/#/${encodeURIComponent(roomId).replace(/%21/g, "!").replace(/%3A/g, ":")}`;

/**
 * The room that replaced `room` (its `m.room.tombstone`), once the bot has joined it: the bot goes
 * only where an allowed inviter invites it, like into any room. The new room must name `room` as
 * its predecessor, so a tombstone cannot pour one cell's memory into an unrelated room.
 */
export function joinedReplacement(client: MatrixClient, room: Room): string | undefined {
  const next: unknown = room.currentState.getStateEvents(EventType.RoomTombstone, "")?.getContent().replacement_room;
  if (typeof next !== "string" || next === room.roomId) return undefined;
  const successor = client.getRoom(next);
  if (successor?.getMyMembership() !== "join") return undefined;
  return successor.findPredecessor()?.roomId === room.roomId ? next : undefined;
}

/**
 * Follows room upgrades: the cell's memory moves to the new room in one transaction, the old room
 * gets one line saying where the bot went, and the bot leaves it (so this happens once).
 */
export class RoomUpgrades {
  /** Old rooms whose new room already has memory of its own: said once in the log, then left alone. */
  private readonly conflicted = new Set<string>();

  constructor(private readonly deps: RoomUpgradeDeps) {}

  async follow(room: Room): Promise<void> {
    const { client, db, log } = this.deps;
    const next = joinedReplacement(client, room);
    if (!next || this.conflicted.has(room.roomId)) return;
    try {
      moveRoom(db, room.roomId, next);
    } catch (err) {
      if (!(err instanceof RoomMoveConflict)) throw err;
      this.conflicted.add(room.roomId);
      log.warn(
        { roomId: room.roomId, newRoomId: next },
        "room upgraded, but the new room already has its own data; nothing moved",
      );
      return;
    }
    log.info({ roomId: room.roomId, newRoomId: next }, "followed a room upgrade; the cell's data moved with it");
    await this.sayWhereTo(room.roomId, next);
    await client.leave(room.roomId);
  }

  /**
   * Best effort: an upgrade often leaves the old room writable by moderators only (the outbox then
   * marks the line failed). Sent before the bot leaves, which would make it undeliverable.
   */
  private async sayWhereTo(oldRoomId: string, newRoomId: string): Promise<void> {
    // The settings moved already: the new room's language is the cell's.
    const t = this.deps.translatorFor(newRoomId);
    this.deps.notices.queue(
      oldRoomId,
      `upgraded:${oldRoomId}`,
      doc(p(...t.t("matrix.upgraded", { room: roomLink(newRoomId) }))),
    );
    try {
      await this.deps.notices.flush();
    } catch (err) {
      this.deps.log.warn(
        { roomId: oldRoomId, err: errorForLog(err) },
        "could not say in the old room where the bot went",
      );
    }
  }
}
