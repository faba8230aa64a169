import { randomUUID } from "node:crypto";
import type { MatrixClient } from "matrix-js-sdk";
import { CryptoEvent } from "matrix-js-sdk/lib/crypto-api/index.js";
import type { Dispatcher } from "../../kernel/dispatcher.js";
import { IDENTITY_CHANGED } from "../../kernel/identity-holds.js";
import type { InboxRow } from "./inbox.js";

export interface IdentitySignalsDeps {
  client: MatrixClient;
  isDirect(roomId: string): boolean;
  dispatcher: Pick<Dispatcher, "handleEvent">;
  clock: () => number;
}

/**
 * Where a member's cross-signing identity changed, the trust feature is told (through the
 * dispatcher, as a local signal): it tells the room once and logs the change. The transport only
 * notices it: as soon as the sdk sees the new keys, and again when a message of hers is held.
 */
export function identitySignals(deps: IdentitySignalsDeps): { held(row: InboxRow): void } {
  const { client, dispatcher, clock } = deps;
  const raise = (roomId: string, userId: string, eventId: string) =>
    void dispatcher.handleEvent({
      local: true,
      eventId,
      roomId,
      sender: userId,
      type: IDENTITY_CHANGED,
      content: {},
      sentAt: clock(),
      signedDevice: true,
    });
  // Every cell she shares with the bot: a direct chat has no moderator to tell.
  const inHerCells = (userId: string, cause: string) => {
    for (const room of client.getRooms()) {
      if (
        room.getMyMembership() !== "join" ||
        room.getMember(userId)?.membership !== "join" ||
        deps.isDirect(room.roomId)
      )
        continue;
      raise(room.roomId, userId, `identity-changed:${cause}:${room.roomId}`);
    }
  };
  client.on(CryptoEvent.UserTrustStatusChanged, (userId, status) => {
    // The signal's id (kept as a handled mark, and in its notice's outbox key) must not name her.
    if (status.needsUserApproval && userId !== client.getUserId()) inHerCells(userId, randomUUID());
  });
  return {
    held: (row) =>
      deps.isDirect(row.roomId)
        ? inHerCells(row.sender, row.eventId)
        : raise(row.roomId, row.sender, `identity-changed:${row.eventId}`),
  };
}
