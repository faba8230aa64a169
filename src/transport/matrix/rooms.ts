import type { MatrixClient, Room } from "matrix-js-sdk";
import type { Logger } from "pino";
import { doc, p } from "../../kernel/doc.js";
import type { Translator } from "../../kernel/i18n/index.js";
import { errorForLog } from "../../platform/log.js";
import type { Inbox } from "./inbox.js";
import type { RoomUpgrades } from "./room-upgrade.js";
import type { MatrixTransport } from "./matrix-transport.js";
import { unencryptedExplanationKey, type Notices } from "./notices.js";

/** True when the inviter is listed by user id, or its server is listed by name. */
export function isAllowedInviter(inviter: string, allowed: readonly string[]): boolean {
  const server = inviter.slice(inviter.indexOf(":") + 1);
  return allowed.some((entry) =>
    entry.startsWith("@") ? entry === inviter : entry.toLowerCase() === server.toLowerCase(),
  );
}

export interface RoomKeeperDeps {
  client: MatrixClient;
  transport: MatrixTransport;
  inbox: Inbox;
  log: Logger;
  clock: () => number;
  allowedInviters: readonly string[];
  allowUnencryptedRooms: boolean;
  /** The words of a room, in its language. */
  translatorFor(roomId: string): Translator;
  /** The outbox, for the explanation in an unencrypted room. */
  notices: Notices;
  /** Follows a joined room's upgrade into the room that replaced it. */
  upgrades?: Pick<RoomUpgrades, "follow">;
}

/**
 * Looks after the bot's rooms after each sync: joins invitations from allowed inviters, declines
 * the others, and tells an unencrypted room once why the bot will not answer there.
 */
export class RoomKeeper {
  private readonly busy = new Set<string>();

  constructor(private readonly deps: RoomKeeperDeps) {}

  async maintain(): Promise<void> {
    const me = this.deps.client.getUserId()!;
    const rooms = this.deps.client.getRooms();
    const joinedOnServer = rooms.some((room) => room.getMyMembership() === "invite")
      ? await this.joinedOnServer()
      : undefined;
    await Promise.all(
      rooms.map(async (room) => {
        if (room.getMyMembership() === "invite" && joinedOnServer) {
          if (joinedOnServer.has(room.roomId)) await this.once(room.roomId, () => this.reloadState(room));
          else await this.once(room.roomId, () => this.answerInvite(room, me));
        }
        const membership = room.getMyMembership();
        if (membership === "join" && !this.deps.allowUnencryptedRooms)
          await this.once(room.roomId, () => this.explainIfUnencrypted(room.roomId));
        if (membership === "join" && this.deps.upgrades)
          await this.once(`upgrade ${room.roomId}`, () => this.deps.upgrades!.follow(room));
      }),
    );
  }

  private async once(roomId: string, work: () => Promise<void>): Promise<void> {
    if (this.busy.has(roomId)) return;
    this.busy.add(roomId);
    try {
      await work();
    } catch (err) {
      this.deps.log.warn({ roomId, err: errorForLog(err) }, "room upkeep failed; will retry after the next sync");
    } finally {
      this.busy.delete(roomId);
    }
  }

  /** Undefined when the homeserver could not be asked: invitations then wait for the next sync. */
  private async joinedOnServer(): Promise<Set<string> | undefined> {
    try {
      return new Set((await this.deps.client.getJoinedRooms()).joined_rooms);
    } catch (err) {
      this.deps.log.warn(
        { err: errorForLog(err) },
        "could not list the joined rooms; invitations wait for the next sync",
      );
      return undefined;
    }
  }

  /**
   * The sdk shows the bot invited to a room the homeserver says it joined: either the join's sync
   * is still to come, or a /sync `state` block carried state from before the join. The latter
   * happens when the room's history forked (a member on another server joined at the same moment,
   * not knowing of the bot's join): the block holds the state before that member's join, the bot's
   * old invitation in it, and the sdk lays it over the join. Joining again changes nothing on the
   * server, so no sync would ever bring the join back: the room's current state from the server does.
   */
  private async reloadState(room: Room): Promise<void> {
    const { client } = this.deps;
    const toEvent = client.getEventMapper();
    room.currentState.setStateEvents((await client.roomState(room.roomId)).map((raw) => toEvent(raw)));
    room.recalculate();
    this.deps.log.info(
      { roomId: room.roomId, membership: room.getMyMembership() },
      "the homeserver has the bot in a room the sync shows as an invitation; reloaded the room's state",
    );
  }

  private async answerInvite(room: Room, me: string): Promise<void> {
    const inviter = room.getMember(me)?.events.member?.getSender();
    if (inviter && isAllowedInviter(inviter, this.deps.allowedInviters)) {
      await this.deps.client.joinRoom(room.roomId);
      this.deps.log.info({ roomId: room.roomId }, "joined a room on invitation");
    } else {
      await this.deps.client.leave(room.roomId);
      this.deps.log.info({ roomId: room.roomId }, "declined an invitation from someone not in matrix.allowedInviters");
    }
  }

  /** Called after a sync and whenever a command arrives in an unencrypted room. */
  async explainIfUnencrypted(roomId: string): Promise<void> {
    const { inbox, transport } = this.deps;
    if (inbox.wasExplainedUnencrypted(roomId) || (await transport.isRoomEncrypted(roomId))) return;
    this.deps.notices.queue(
      roomId,
      unencryptedExplanationKey(roomId),
      doc(p(...this.deps.translatorFor(roomId).t("matrix.unencrypted"))),
    );
    inbox.markExplainedUnencrypted(roomId, this.deps.clock());
    await this.deps.notices.flush();
    this.deps.log.info({ roomId }, "told an unencrypted room that commands need encryption");
  }
}
