/**
 * A room created with two bots invited at once, one on the creator's server and one on the other.
 * Both join at the same moment, so the room's history forks, and the sync that brings a bot the
 * other server's join can carry the bot's own earlier invitation in its state block. Each bot must
 * still count itself joined, join once, and answer.
 */
import { jest } from "@jest/globals";
import { startFederatedHomeservers, type FederatedHomeservers } from "../support/e2e-federation.js";
import { answerTo, Bot, newUser, TestClient } from "../support/e2e.js";

jest.setTimeout(300_000);

let servers: FederatedHomeservers;
let a: Bot;
let b: Bot;
let mo: TestClient;

beforeAll(async () => {
  servers = await startFederatedHomeservers();
  const moUser = await newUser("mo", false, servers.one);
  [a, b] = await Promise.all([
    Bot.create({ homeserver: servers.one, allowedInviters: [moUser.userId] }),
    Bot.create({ homeserver: servers.two, allowedInviters: [moUser.userId] }),
  ]);
  await Promise.all([a.start(), b.start()]);
  mo = await TestClient.start(moUser, servers.one);
});

afterAll(async () => {
  await mo?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await servers?.stop();
});

/** Asks the homeserver: the member's own sdk can be shown the bot's old invitation by the same sync. */
async function joinedOnServer(roomId: string, userId: string): Promise<void> {
  const url = `${servers.one.baseUrl}/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/state/m.room.member/${encodeURIComponent(userId)}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${mo.user.accessToken}` } });
    if (res.ok && ((await res.json()) as { membership?: string }).membership === "join") return;
    if (Date.now() > deadline) throw new Error(`${userId} never joined:\n${a.diagnostics()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const joinsLogged = (bot: Bot) => bot.logs().filter((l) => l.msg === "joined a room on invitation").length;

describe("rooms created with a local and a remote bot invited at once", () => {
  it("has each bot join once, and the local one answer there", async () => {
    // The fork depends on who joins first; a few rooms give it several chances to happen.
    for (let round = 1; round <= 3; round++) {
      const bLogFrom = b.logs().length;
      const roomId = await mo.createRoom({
        name: `both at once ${round}`,
        encrypted: true,
        invite: [a.userId, b.userId],
      });
      await Promise.all([joinedOnServer(roomId, a.userId), joinedOnServer(roomId, b.userId)]);
      const asked = await mo.send(roomId, "!help");
      expect(await answerTo(mo, a, roomId, asked)).toContain("!");
      // A remote join is on server one before B's own request returns.
      await b.waitForLog((l) => l.msg === "joined a room on invitation", 60_000, bLogFrom);
      // Room ids are hashed in the bots' logs: one join per room so far.
      expect([joinsLogged(a), joinsLogged(b)]).toEqual([round, round]);
    }
  });
});
