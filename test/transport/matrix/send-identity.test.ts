import type { MatrixClient, MatrixEvent } from "matrix-js-sdk";
import { pino } from "pino";
import { doc, p } from "../../../src/kernel/doc.js";
import { enqueue } from "../../../src/kernel/outbox/outbox.js";
import { OutboxSender } from "../../../src/kernel/outbox/sender.js";
import type { OpenedDatabase } from "../../../src/platform/db.js";
import { MatrixTransport, txnIdFor } from "../../../src/transport/matrix/matrix-transport.js";
import { openMigrated } from "../../support/db.js";

const ROOM = "!cell:x";

/**
 * The sdk in exclude-insecure-devices mode refuses to share a room key while an identity problem
 * stands (the bot's own identity reset by someone else, a verified member's identity replaced): it
 * throws from encryption. Such a message must wait in the outbox, and go out once, when it clears.
 */
function fakeClient() {
  const state = { identityProblem: true, puts: [] as string[] };
  const client = {
    getUserId: () => "@tandem:x",
    getRoom: () => ({ roomId: ROOM, getMyMembership: () => "join", hasEncryptionStateEvent: () => true }),
    getCrypto: () => ({
      async encryptEvent(event: MatrixEvent) {
        if (state.identityProblem)
          throw new Error("Sharing the room key failed: a user's identity changed and was not approved");
        event.makeEncrypted("m.room.encrypted", { algorithm: "m.megolm.v1.aes-sha2", ciphertext: "x" }, "curve", "ed");
      },
    }),
    http: {
      async authedRequest(_method: string, path: string) {
        state.puts.push(path);
        return { event_id: "$sent" };
      },
    },
  } as unknown as MatrixClient;
  return { client, state };
}

let opened: OpenedDatabase;
beforeEach(() => (opened = openMigrated()));
afterEach(() => opened.close());

describe("a send refused for an identity problem", () => {
  test("waits in the outbox, sending nothing, and goes out exactly once (same transaction id) when the problem is gone", async () => {
    const { client, state } = fakeClient();
    let now = 1_000;
    const transport = new MatrixTransport(client, { allowUnencryptedRooms: false, ready: Promise.resolve() });
    const sender = new OutboxSender(opened.db, transport, pino({ level: "silent" }), () => now);
    enqueue(opened.db, { roomId: ROOM, key: "$cmd", kind: "reply", doc: doc(p("Thanks recorded")) }, now);

    await sender.drain();
    expect(state.puts).toEqual([]);
    expect(opened.db.prepare("SELECT sent_at, failed_at, attempts FROM outbox").get()).toEqual({
      sent_at: null,
      failed_at: null,
      attempts: 1,
    });

    state.identityProblem = false;
    now += 10 * 60_000;
    await sender.drain();
    await sender.drain();
    expect(state.puts).toEqual([`/rooms/${encodeURIComponent(ROOM)}/send/m.room.encrypted/${txnIdFor("$cmd")}`]);
  });
});
