/**
 * Two Synapses federating over 127.0.0.1 (self-signed TLS, certificates not checked): a member on
 * one server and a member on the other share an encrypted room, and each decrypts the other. This
 * is the ground the Tandem-to-Tandem tests stand on: a bot per server, each with its own database.
 */
import { jest } from "@jest/globals";
import { startFederatedHomeservers, type FederatedHomeservers } from "../support/e2e-federation.js";
import { answeredEvent, answerTo, Bot, newUser, TestClient } from "../support/e2e.js";

jest.setTimeout(240_000);

let servers: FederatedHomeservers;
let ana: TestClient;
let bo: TestClient;

beforeAll(async () => {
  servers = await startFederatedHomeservers();
  const [anaUser, boUser] = await Promise.all([newUser("ana", false, servers.one), newUser("bo", false, servers.two)]);
  [ana, bo] = await Promise.all([TestClient.start(anaUser, servers.one), TestClient.start(boUser, servers.two)]);
});

afterAll(async () => {
  await ana?.stop();
  await bo?.stop();
  await servers?.stop();
});

describe("two federating homeservers", () => {
  it("carries an encrypted room across: a member of each server decrypts the other's message", async () => {
    expect(ana.user.userId.endsWith(`:${servers.one.serverName}`)).toBe(true);
    expect(bo.user.userId.endsWith(`:${servers.two.serverName}`)).toBe(true);

    const roomId = await ana.createRoom({ name: "across", encrypted: true, invite: [bo.user.userId] });
    await bo.waitMembership(roomId, bo.user.userId, "invite", 60_000);
    await bo.call("join", { roomId });
    await ana.waitMembership(roomId, bo.user.userId, "join", 60_000);

    await ana.send(roomId, "hello from the first server");
    const [fromAna] = await bo.messages(roomId, { sender: ana.user.userId, count: 1, timeoutMs: 60_000 });
    expect(fromAna).toMatchObject({
      wireType: "m.room.encrypted",
      decryptionFailed: false,
      body: "hello from the first server",
    });

    await bo.send(roomId, "hello back from the second");
    const [fromBo] = await ana.messages(roomId, { sender: bo.user.userId, count: 1, timeoutMs: 60_000 });
    expect(fromBo).toMatchObject({
      wireType: "m.room.encrypted",
      decryptionFailed: false,
      body: "hello back from the second",
    });
  });

  it("runs a Tandem per server, each with its own account and database, answering a member of the other server", async () => {
    const bots = await Promise.all([
      Bot.create({ homeserver: servers.one, allowedInviters: [bo.user.userId] }),
      Bot.create({ homeserver: servers.two, allowedInviters: [ana.user.userId] }),
    ]);
    try {
      await Promise.all(bots.map((bot) => bot.start()));
      const [botOne, botTwo] = bots as [Bot, Bot];
      expect(botOne.userId.endsWith(`:${servers.one.serverName}`)).toBe(true);
      expect(botTwo.userId.endsWith(`:${servers.two.serverName}`)).toBe(true);
      expect(botOne.dbPath).not.toBe(botTwo.dbPath);

      for (const [member, bot] of [
        [bo, botOne],
        [ana, botTwo],
      ] as const) {
        const roomId = await member.createRoom({ name: "cell across", encrypted: true, invite: [bot.userId] });
        await member.waitMembership(roomId, bot.userId, "join", 60_000);
        const asked = await member.send(roomId, "!ledger thanks @ana cooked for the picket");
        expect(await answerTo(member, bot, roomId, asked)).toMatch(/#1\b/);
        const answer = (await member.messages(roomId, { sender: bot.userId })).find((m) => answeredEvent(m) === asked);
        expect(answer).toMatchObject({ wireType: "m.room.encrypted", decryptionFailed: false });
        expect(bot.query("SELECT room_id FROM ledger_entries")).toEqual([{ room_id: roomId }]);
      }
    } finally {
      await Promise.all(bots.map((bot) => bot.stop()));
    }
  });
});
