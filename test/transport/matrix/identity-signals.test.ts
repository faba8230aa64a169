import type { MatrixClient } from "matrix-js-sdk";
import { CryptoEvent } from "matrix-js-sdk/lib/crypto-api/index.js";
import { IDENTITY_CHANGED } from "../../../src/kernel/identity-holds.js";
import type { IncomingEvent } from "../../../src/kernel/invocation.js";
import { identitySignals } from "../../../src/transport/matrix/identity-signals.js";
import type { InboxRow } from "../../../src/transport/matrix/inbox.js";

const ME = "@tandem:x";
const ANA = "@ana:x";

/** Rooms as the sdk knows them: the bot's membership and who else is in. */
const room = (roomId: string, members: Record<string, string>, mine = "join") => ({
  roomId,
  getMyMembership: () => mine,
  getMember: (id: string) => (members[id] ? { membership: members[id] } : null),
});
const rooms = [
  room("!cell", { [ANA]: "join" }),
  room("!other-cell", { [ANA]: "join" }),
  room("!dm", { [ANA]: "join" }),
  room("!left", { [ANA]: "leave" }),
  room("!invited", { [ANA]: "join" }, "invite"),
];

function setUp() {
  const raised: IncomingEvent[] = [];
  const listeners = new Map<string, (userId: string, status: { needsUserApproval: boolean }) => void>();
  const client = {
    getUserId: () => ME,
    getRooms: () => rooms,
    on: (event: string, listener: never) => void listeners.set(event, listener),
  } as unknown as MatrixClient;
  const signals = identitySignals({
    client,
    isDirect: (roomId) => roomId === "!dm",
    dispatcher: { handleEvent: (event) => (raised.push(event), "handled") },
    clock: () => 5,
  });
  return {
    raised,
    signals,
    trustChanged: (userId: string, needsUserApproval: boolean) =>
      listeners.get(CryptoEvent.UserTrustStatusChanged)!(userId, { needsUserApproval }),
  };
}

const where = (events: IncomingEvent[]) => events.map((e) => [e.roomId, e.sender, e.type, e.local]);

describe("signals of a changed identity", () => {
  test("as soon as the sdk sees new keys, every cell she is in hears of it (not a direct chat, not a room she left)", () => {
    const { raised, trustChanged } = setUp();
    trustChanged(ANA, true);
    expect(where(raised)).toEqual([
      ["!cell", ANA, IDENTITY_CHANGED, true],
      ["!other-cell", ANA, IDENTITY_CHANGED, true],
    ]);
    // Its id is kept as a handled mark and in the notice's outbox key: it must not name her.
    expect(raised.some((e) => e.eventId.includes(ANA))).toBe(false);
  });

  test("a first sight of someone, or the bot's own identity, is no change to tell", () => {
    const { raised, trustChanged } = setUp();
    trustChanged(ANA, false);
    trustChanged(ME, true);
    expect(raised).toEqual([]);
  });

  test("a held message tells its room; one held in a direct chat tells her cells instead", () => {
    const { raised, signals } = setUp();
    signals.held({ eventId: "$a", roomId: "!cell", sender: ANA } as InboxRow);
    signals.held({ eventId: "$b", roomId: "!dm", sender: ANA } as InboxRow);
    expect(raised.map((e) => [e.roomId, e.eventId])).toEqual([
      ["!cell", "identity-changed:$a"],
      ["!cell", "identity-changed:$b:!cell"],
      ["!other-cell", "identity-changed:$b:!other-cell"],
    ]);
  });
});
