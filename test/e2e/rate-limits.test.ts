/**
 * A homeserver that paces the bot as a busy public server would: 1 message a second, bursts of 5
 * (Synapse's admin `override_ratelimit`, which takes integer rates). Thirty commands typed at once
 * and a scheduled post that falls due in the middle of the backlog: each command answered exactly
 * once and in the order typed, the post sent exactly once, nothing lost to a 429.
 */
import { jest } from "@jest/globals";
import { DateTime } from "luxon";
import { answeredEvent, Bot, newUser, synapse, TestClient, withPill } from "../support/e2e.js";
import type { SeenMessage } from "../support/matrix-test-client.js";

jest.setTimeout(300_000);

const COMMANDS = 30;

let bot: Bot;
let ana: TestClient;
let admin: { accessToken: string };

function rateLimit(method: "POST" | "DELETE", body?: object): Promise<Response> {
  return fetch(`${synapse().baseUrl}/_synapse/admin/v1/users/${encodeURIComponent(bot.userId)}/override_ratelimit`, {
    method,
    headers: { authorization: `Bearer ${admin.accessToken}`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

beforeAll(async () => {
  const anaUser = await newUser("ana");
  admin = await newUser("admin", true);
  bot = await Bot.create({ allowedInviters: [anaUser.userId] });
  await bot.start();
  ana = await TestClient.start(anaUser);
});

afterAll(async () => {
  await ana?.stop();
  await bot?.stop();
});

test("paced to 1 message a second: 30 commands at once are answered once each, in order, and a post due meanwhile goes out once", async () => {
  const roomId = await ana.createRoom({ name: "Night shift", encrypted: true, invite: [bot.userId] });
  await ana.waitMembership(roomId, bot.userId, "join");

  // A care plan that starts at a whole minute at least 40 s away (rooms live in UTC by default).
  const start = DateTime.utc().plus({ seconds: 40 }).startOf("minute").plus({ minutes: 1 });
  const planCommand = await ana.send(
    roomId,
    `!careplan night picket at ${start.toFormat("yyyy-MM-dd HH:mm")} for 1h care solidarity pantry`,
  );
  const announced = (await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 })).find(
    (m) => answeredEvent(m) === planCommand,
  );
  expect(announced?.body).toContain("night picket");

  expect((await rateLimit("POST", { messages_per_second: 1, burst_count: 5 })).ok).toBe(true);
  try {
    const logFrom = bot.logs().length;
    // The backlog of 30 replies takes ~30 s at this pace: start it ~10 s before the plan's start.
    await sleep(start.toMillis() - 10_000 - Date.now());
    const sent: string[] = [];
    for (let i = 1; i <= COMMANDS; i++) {
      const { text, extra } = withPill(
        "!ledger thanks ",
        { userId: ana.user.userId, name: "ana" },
        ` sorted ${i} boxes`,
      );
      sent.push(await ana.send(roomId, text, extra));
    }

    const isStartCall = (m: SeenMessage) => m.body?.includes("starts now") ?? false;
    const all = await ana.messages(roomId, { sender: bot.userId, count: 1 + COMMANDS + 1, timeoutMs: 180_000 });
    const replies = all.filter((m) => sent.includes(answeredEvent(m) ?? ""));
    expect(replies.map((m) => answeredEvent(m))).toEqual(sent);
    expect(replies.every((m) => !m.decryptionFailed)).toBe(true);
    expect(all.filter(isStartCall)).toHaveLength(1);

    const entries = bot.query<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE room_id = ?", roomId)[0]!
      .n;
    expect(entries).toBe(COMMANDS);
    expect(
      bot
        .logs()
        .slice(logFrom)
        .some((l) => l.msg === "rate limited by the homeserver; retrying after its delay"),
    ).toBe(true);

    // Nothing more arrives afterwards: no second copy of any reply or of the post.
    await sleep(5_000);
    const later = await ana.messages(roomId, { sender: bot.userId });
    expect(later).toHaveLength(all.length);
  } finally {
    await rateLimit("DELETE");
  }
});
