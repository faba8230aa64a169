/**
 * Forgetting a member who has left the room, as it usually happens on Matrix: the member list no
 * longer knows them, so the bot must find them in what the cell recorded. Afterwards neither the
 * decrypted rows, nor the Matrix client's cached room state, nor the raw bytes of any database
 * file hold their id or name.
 */
import { jest } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { answerTo, Bot, newUser, TestClient, withPill } from "../support/e2e.js";
import type { RegisteredUser } from "../support/synapse.js";

jest.setTimeout(240_000);

let bot: Bot;
let mo: TestClient;
let ana: TestClient;
let anaUser: RegisteredUser;

beforeAll(async () => {
  const moUser = await newUser("mo");
  anaUser = await newUser("ana");
  bot = await Bot.create({ allowedInviters: [moUser.userId] });
  await bot.start();
  mo = await TestClient.start(moUser);
  ana = await TestClient.start(anaUser);
});

afterAll(async () => {
  await ana?.stop();
  await mo?.stop();
  await bot?.stop();
});

describe("forgetting a member who left", () => {
  it("finds her by what the cell recorded, forgets her, and leaves no trace in any database file", async () => {
    const roomId = await mo.createRoom({ name: "forget", encrypted: true, invite: [bot.userId, anaUser.userId] });
    await mo.waitMembership(roomId, bot.userId, "join", 60_000);
    await ana.call("join", { roomId });
    await mo.waitMembership(roomId, anaUser.userId, "join");
    const anaName = anaUser.userId.slice(1).split(":")[0]!;

    const thanks = withPill("!ledger thanks ", { userId: anaUser.userId, name: anaName }, " cooked 40 meals");
    expect(await answerTo(mo, bot, roomId, await mo.send(roomId, thanks.text, thanks.extra))).toMatch(/#1/);
    expect(
      await answerTo(ana, bot, roomId, await ana.send(roomId, "!careplan picket at monday 07:00 care pantry")),
    ).toMatch(/Plan #1/);

    await ana.call("leave", { roomId });
    await mo.waitMembership(roomId, anaUser.userId, "leave");
    const preview = await answerTo(mo, bot, roomId, await mo.send(roomId, `!forget @${anaName}`));
    expect(preview).toMatch(/ledger/);
    const done = await answerTo(mo, bot, roomId, await mo.send(roomId, `!forget @${anaName} confirm`));
    expect(done).not.toMatch(/nothing/i);

    await bot.stop();
    // The session row names only the bot. The Matrix client's stores (idb_*) hold values as V8
    // serialization bytes: strings in one byte per character, or UTF-16; the crypto store's are sealed.
    const tables = bot.query<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'idb_%' AND name != 'matrix_session'",
    );
    for (const { name } of tables) {
      const rows = JSON.stringify(bot.query(`SELECT * FROM "${name}"`));
      expect([name, rows.includes(anaUser.userId)]).toEqual([name, false]);
    }
    for (const text of [anaUser.userId, anaName]) {
      for (const encoding of ["latin1", "utf16le"] as const) {
        const form = Buffer.from(text, encoding);
        const [held] = bot.query<{ n: number }>(
          // The room keys' store lives in idb_ordered_records (migration 0025), the other stores in idb_records.
          "SELECT count(*) AS n FROM (SELECT key, value FROM idb_records UNION ALL SELECT key, value FROM idb_ordered_records) WHERE instr(value, ?) > 0 OR instr(key, ?) > 0",
          form,
          form,
        );
        expect([text, encoding, held?.n]).toEqual([text, encoding, 0]);
      }
    }
    for (const file of [bot.dbPath, `${bot.dbPath}-wal`, `${bot.dbPath}-shm`].filter(existsSync)) {
      const bytes = readFileSync(file);
      expect([file, bytes.includes(anaUser.userId), bytes.includes("cooked 40 meals")]).toEqual([file, false, false]);
    }
  });
});
