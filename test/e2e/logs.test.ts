/**
 * What the bot's logs may say, at their most talkative (debug, matrix-js-sdk's own lines
 * included): no user, room or event id and no display name, only short per-process hashes. Also
 * the restart the README promises: after the first start the password can leave the config.
 */
import { jest } from "@jest/globals";
import { answeredEvent, Bot, newUser, synapse, TestClient, withPill } from "../support/e2e.js";
import type { RegisteredUser } from "../support/synapse.js";

jest.setTimeout(240_000);

let bot: Bot;
let ana: TestClient;
let anaUser: RegisteredUser;
let moUser: RegisteredUser;
const names = {
  ana: `Anabel Quintero ${process.pid}`,
  mo: `Moira Okafor ${process.pid}`,
  room: `Bakery night shift ${process.pid}`,
};
const seenIds: string[] = [];

async function setDisplayName(user: RegisteredUser, name: string): Promise<void> {
  const response = await fetch(
    `${synapse().baseUrl}/_matrix/client/v3/profile/${encodeURIComponent(user.userId)}/displayname`,
    {
      method: "PUT",
      headers: { authorization: `Bearer ${user.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ displayname: name }),
    },
  );
  if (!response.ok) throw new Error(`setting a display name failed: ${response.status}`);
}

/** Sends a thanks to ana and waits for the bot's answer to it. */
async function thanksAnswered(roomId: string, what: string): Promise<void> {
  const { text, extra } = withPill("!ledger thanks ", { userId: anaUser.userId, name: names.ana }, ` ${what}`);
  const command = await ana.send(roomId, text, extra);
  seenIds.push(command);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const replies = await ana.messages(roomId, { sender: bot.userId, timeoutMs: 2_000 });
    const reply = replies.find((m) => answeredEvent(m) === command);
    if (reply) {
      seenIds.push(reply.eventId);
      return;
    }
    if (Date.now() > deadline) throw new Error(`no answer to the thanks:\n${bot.diagnostics()}`);
  }
}

beforeAll(async () => {
  anaUser = await newUser("ana");
  moUser = await newUser("mo");
  await setDisplayName(anaUser, names.ana);
  await setDisplayName(moUser, names.mo);
  bot = await Bot.create({ allowedInviters: [anaUser.userId], logLevel: "debug" });
  await bot.start();
  ana = await TestClient.start(anaUser);
});

afterAll(async () => {
  await ana?.stop();
  await bot?.stop();
});

describe("logs that name nobody", () => {
  let roomId: string;

  test("a first start with the password, a room, a command answered", async () => {
    roomId = await ana.createRoom({ name: names.room, encrypted: true, invite: [bot.userId, moUser.userId] });
    seenIds.push(roomId);
    await ana.waitMembership(roomId, bot.userId, "join");
    await thanksAnswered(roomId, "kneaded the dough");
  });

  test("a restart without password or token reuses the stored session, same device", async () => {
    const syncDevice = (from: number) =>
      bot
        .logs()
        .slice(from)
        .find((l) => l.msg === "Matrix sync is running")?.deviceId;
    const device = syncDevice(0);
    expect(device).toEqual(expect.any(String));
    expect(await bot.stop("SIGTERM")).toBe(0);
    bot.forgetPassword();
    expect(bot.readConfig()).not.toContain(bot.user.password);
    const from = bot.logs().length;
    await bot.start();
    expect(syncDevice(from)).toBe(device);
    expect(
      bot
        .logs()
        .slice(from)
        .some((l) => String(l.msg).startsWith("logged in once")),
    ).toBe(false);
    await thanksAnswered(roomId, "swept the floor");
  });

  test("no log line, at debug, carries an id or a display name; the sdk's lines are formatted", () => {
    const lines = bot.rawLogLines();
    // matrix-js-sdk's own lines are there (so the search below means something)…
    expect(lines.filter((l) => l.includes('"component":"matrix-sdk')).length).toBeGreaterThan(50);
    // …and the ids they quoted were turned into hashes.
    expect(lines.some((l) => /\broom-[0-9a-f]{10}\b/.test(l))).toBe(true);
    expect(lines.some((l) => /\buser-[0-9a-f]{10}\b/.test(l))).toBe(true);

    const secrets = [bot.userId, anaUser.userId, moUser.userId, ...seenIds, names.ana, names.mo, names.room];
    const localparts = [bot.userId, anaUser.userId, moUser.userId].map((id) => id.slice(1, id.indexOf(":")));
    for (const secret of [...secrets, ...secrets.map(encodeURIComponent), ...localparts]) {
      const leaking = lines.filter((l) => l.includes(secret));
      expect({ secret, leaking: leaking.slice(0, 3) }).toEqual({ secret, leaking: [] });
    }
    expect(lines.filter((l) => /%[sdjoOif]\b/.test(l)).slice(0, 3)).toEqual([]);
  });
});
