/**
 * The Matrix transport against a real Synapse (issue 3, scenarios 1–6). One file on purpose: the
 * scenarios run in order on one homeserver, and the last one stops and restarts that homeserver.
 */
import { jest } from "@jest/globals";
import { answeredEvent, Bot, newUser, synapse, TestClient, withPill } from "../support/e2e.js";
import { restartSharedSynapse } from "../support/synapse.js";
import type { SeenMessage } from "../support/matrix-test-client.js";

jest.setTimeout(240_000);

let bot: Bot;
let ana: TestClient;
let anaPerson: { userId: string; name: string };

/** Each command answered exactly once: the map from command event id to the bot's replies. */
function repliesByCommand(messages: SeenMessage[], botId: string): Map<string, SeenMessage[]> {
  const map = new Map<string, SeenMessage[]>();
  for (const m of messages.filter((m) => m.sender === botId)) {
    const to = answeredEvent(m);
    if (to) map.set(to, [...(map.get(to) ?? []), m]);
  }
  return map;
}

function ledgerCount(roomId: string): number {
  return bot.query<{ n: number }>("SELECT count(*) AS n FROM ledger_entries WHERE room_id = ?", roomId)[0]!.n;
}

async function thanks(
  client: TestClient,
  roomId: string,
  what: string,
  extra: { threadRoot?: string } = {},
): Promise<string> {
  const { text, extra: pill } = withPill("!ledger thanks ", anaPerson, ` ${what}`);
  return client.send(roomId, text, { ...pill, ...extra });
}

beforeAll(async () => {
  const anaUser = await newUser("ana");
  anaPerson = { userId: anaUser.userId, name: "ana" };
  bot = await Bot.create({ allowedInviters: [anaUser.userId], undecryptableNoticeAfterSeconds: 3 });
  await bot.start();
  ana = await TestClient.start(anaUser);
});

afterAll(async () => {
  await ana?.stop();
  await bot?.stop();
});

describe("1. an encrypted room", () => {
  let roomId: string;

  test("the bot joins on invite, records a thanks and answers in ciphertext that decrypts to the confirmation", async () => {
    roomId = await ana.createRoom({ name: "Kitchen committee", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");

    const command = await thanks(ana, roomId, "cooked 40 meals");
    const [reply] = await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 });

    expect(reply!.wireType).toBe("m.room.encrypted");
    expect(reply!.decryptionFailed).toBe(false);
    expect(reply!.type).toBe("m.room.message");
    expect(reply!.body).toMatch(/#1\b/);
    expect(reply!.formattedBody).toContain(`href="https://matrix.to/#/${anaPerson.userId}"`);
    expect(reply!.mentions).toEqual({ user_ids: [anaPerson.userId] });
    expect(reply!.relatesTo).toEqual({ "m.in_reply_to": { event_id: command } });
    expect(bot.query("SELECT what, room_id FROM ledger_entries")).toEqual([
      { what: expect.stringContaining("meals"), room_id: roomId },
    ]);
  });

  test("a command in a thread is answered in that thread", async () => {
    const root = await ana.send(roomId, "Saturday's kitchen shift");
    const command = await thanks(ana, roomId, "washed 30 pots", { threadRoot: root });
    const replies = repliesByCommand(
      await ana.messages(roomId, { sender: bot.userId, count: 2, timeoutMs: 60_000 }),
      bot.userId,
    );
    expect(replies.get(command)?.[0]?.relatesTo).toEqual({
      rel_type: "m.thread",
      event_id: root,
      is_falling_back: true,
      "m.in_reply_to": { event_id: command },
    });
  });

  test("a message nobody can decrypt gets one notice asking to send it again", async () => {
    const lost = await ana.sendUndecryptable(roomId);
    expect(await bot.inboxDone(lost)).toBe("abandoned");
    const notices = repliesByCommand(
      await ana.messages(roomId, { sender: bot.userId, count: 3, timeoutMs: 60_000 }),
      bot.userId,
    ).get(lost);
    expect(notices).toHaveLength(1);
    expect(notices![0]!.wireType).toBe("m.room.encrypted");
    expect(notices![0]!.body).toMatch(/send it again/);
    expect(notices![0]!.mentions).toEqual({ user_ids: [anaPerson.userId] });
  });
});

describe("3. rooms the bot must not serve", () => {
  test("an unencrypted room gets one explanation and its commands are not executed", async () => {
    const roomId = await ana.createRoom({ name: "Open lobby", encrypted: false, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    const [explanation] = await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 });
    expect(explanation!.wireType).toBe("m.room.message");
    expect(explanation!.msgtype).toBe("m.notice");
    expect(explanation!.body).toMatch(/encrypt/i);

    const command = await thanks(ana, roomId, "swept the hall");
    const second = await thanks(ana, roomId, "swept it again");
    await bot.inboxDone(command);
    await bot.inboxDone(second);
    expect(ledgerCount(roomId)).toBe(0);
    expect(await ana.messages(roomId, { sender: bot.userId })).toHaveLength(1);
  });

  test("an invitation from someone not allowed is declined", async () => {
    const stranger = await TestClient.start(await newUser("stranger"));
    try {
      const roomId = await stranger.createRoom({ name: "Not yours", encrypted: true, invite: [bot.userId] });
      await stranger.waitMembership(roomId, bot.userId, "leave", 60_000);
    } finally {
      await stranger.stop();
    }
  });
});

describe("4. two rooms", () => {
  test("the ledger of one room never appears in the other", async () => {
    const roomA = await ana.createRoom({ name: "Cell A", encrypted: true, invite: [bot.userId] });
    const roomB = await ana.createRoom({ name: "Cell B", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomA, bot.userId, "join");
    await ana.waitMembership(roomB, bot.userId, "join");
    await thanks(ana, roomA, "drove 3 nurses to the picket");
    await thanks(ana, roomB, "fixed the banner");
    await ana.messages(roomA, { sender: bot.userId, count: 1, timeoutMs: 60_000 });
    await ana.messages(roomB, { sender: bot.userId, count: 1, timeoutMs: 60_000 });

    await ana.send(roomB, "!ledger");
    const inB = await ana.messages(roomB, { sender: bot.userId, count: 2, timeoutMs: 60_000 });
    const listing = inB.at(-1)!.body!;
    expect(listing).toMatch(/banner/);
    expect(listing).not.toMatch(/nurses|meals|pots/);
    expect(ledgerCount(roomA)).toBe(1);
    expect(ledgerCount(roomB)).toBe(1);
  });
});

describe("scheduled posts (issue 4)", () => {
  test("a care plan's start post arrives encrypted at the action's start, by itself", async () => {
    const roomId = await ana.createRoom({ name: "Picket line", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    // The next whole minute far enough ahead for the command to be handled first (the room is in UTC).
    const start = new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
    const when = start.toISOString().slice(0, 16).replace("T", " ");
    const command = await ana.send(roomId, `!careplan picket at ${when} care solidarity pantry`);
    const [confirmation] = await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 });
    expect(answeredEvent(confirmation!)).toBe(command);

    const [, post] = await ana.messages(roomId, { sender: bot.userId, count: 2, timeoutMs: 120_000 });
    expect(post!.wireType).toBe("m.room.encrypted");
    expect(post!.decryptionFailed).toBe(false);
    expect(post!.msgtype).toBe("m.notice");
    expect(post!.body).toMatch(/^picket starts now, and at the same time its care \(plan #1\)/);
    expect(answeredEvent(post!)).toBeUndefined();
    expect(Date.now()).toBeGreaterThanOrEqual(start.getTime());
  });
});

describe("reactions (issue 4)", () => {
  test("a 👍 on the bot's care-plan reply volunteers, whether the reaction travels in the clear (Element Web) or encrypted (Element X)", async () => {
    const roomId = await ana.createRoom({ name: "Care rota", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    await ana.send(roomId, "!careplan overtime refusal at tomorrow 17:00 care solidarity pantry");
    const [announcement] = await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 });
    expect(announcement!.body).toMatch(/^Plan #1: overtime refusal/);

    const thumbs = await ana.react(roomId, announcement!.eventId, "👍");
    const [, thanked] = await ana.messages(roomId, { sender: bot.userId, count: 2, timeoutMs: 60_000 });
    expect(thanked!.wireType).toBe("m.room.encrypted");
    // Test users are named ana-<pid>-<n> so that one Synapse serves every suite.
    const name = anaPerson.userId.slice(1).split(":")[0]!;
    expect(thanked!.body).toMatch(new RegExp(`^Thank you, ${name}: you carry the care of plan #1\\.`));
    expect(answeredEvent(thanked!)).toBe(announcement!.eventId);
    expect(
      bot.query("SELECT v.user_id, p.room_id FROM careplan_volunteers v JOIN careplans p ON p.id = v.plan_id"),
    ).toEqual([{ user_id: anaPerson.userId, room_id: roomId }]);
    expect(await bot.inboxDone(thumbs.eventId)).toBe("done");

    const party = await ana.react(roomId, announcement!.eventId, "🎉", { encrypted: true });
    expect(party.wireType).toBe("m.room.encrypted");
    const [, , again] = await ana.messages(roomId, { sender: bot.userId, count: 3, timeoutMs: 60_000 });
    expect(again!.body).toMatch(new RegExp(`^${name}, you're already with plan #1\\.`));
    expect(answeredEvent(again!)).toBe(announcement!.eventId);
    expect(bot.query("SELECT count(*) AS n FROM careplan_volunteers")).toEqual([{ n: 1 }]);
  });
});

describe("6. cross-signing", () => {
  test("the bot's device is signed by its own cross-signing identity, and the recovery key was shown once on stdout", async () => {
    const roomId = await ana.createRoom({ name: "Verification", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    const status = await ana.call<{ signedByOwner: boolean } | null>("deviceVerification", {
      userId: bot.userId,
      deviceId: bot.deviceId(),
    });
    expect(status?.signedByOwner).toBe(true);
    expect(bot.stdout.match(/RECOVERY KEY/g)).toHaveLength(1);
    const recoveryKey = bot.recoveryKey()!;
    expect(bot.logs().some((l) => JSON.stringify(l).includes(recoveryKey))).toBe(false);
  });

  test("on a new machine, the recovery key from the config restores the identity: the new device is signed too", async () => {
    const first = await Bot.create();
    await first.start();
    const recoveryKey = first.recoveryKey()!;
    const firstDevice = first.deviceId();
    await first.stop();

    const restored = await Bot.create({ user: first.user, recoveryKey });
    try {
      await restored.start();
      expect(restored.logs().find((l) => l.msg === "cross-signing checked")?.outcome).toBe("restored");
      expect(restored.stdout).not.toMatch(/RECOVERY KEY/);
      expect(restored.deviceId()).not.toBe(firstDevice);
      // Sharing an encrypted room makes ana's client track the bot's devices.
      const roomId = await ana.createRoom({ name: "New machine", encrypted: true, invite: [first.userId] });
      await ana.waitMembership(roomId, first.userId, "join");
      const status = await ana.call<{ signedByOwner: boolean } | null>("deviceVerification", {
        userId: first.userId,
        deviceId: restored.deviceId(),
      });
      expect(status?.signedByOwner).toBe(true);
    } finally {
      await restored.stop();
    }
  });

  test("without the recovery key, a second database for the same account refuses to start with a clear message", async () => {
    const first = await Bot.create();
    await first.start();
    await first.stop();
    const second = await Bot.create({ user: first.user });
    await expect(second.start(60_000)).rejects.toThrow(/already has secret storage[\s\S]*recoveryKey/);
  });
});

describe("rate limits", () => {
  test("a bot the homeserver rate-limits hard still answers every command once", async () => {
    const admin = await newUser("admin", true);
    const roomId = await ana.createRoom({ name: "Slow lane", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    const limit = await fetch(
      `${synapse().baseUrl}/_synapse/admin/v1/users/${encodeURIComponent(bot.userId)}/override_ratelimit`,
      {
        method: "POST",
        headers: { authorization: `Bearer ${admin.accessToken}`, "content-type": "application/json" },
        body: JSON.stringify({ messages_per_second: 1, burst_count: 1 }),
      },
    );
    expect(limit.ok).toBe(true);
    try {
      const logFrom = bot.logs().length;
      const sent: string[] = [];
      for (let i = 1; i <= 5; i++) sent.push(await thanks(ana, roomId, `sorted ${i} boxes`));
      const replies = repliesByCommand(
        await ana.messages(roomId, { sender: bot.userId, count: 5, timeoutMs: 60_000 }),
        bot.userId,
      );
      for (const command of sent) expect(replies.get(command)).toHaveLength(1);
      expect(
        bot
          .logs()
          .slice(logFrom)
          .some((l) => l.msg === "rate limited by the homeserver; retrying after its delay"),
      ).toBe(true);
    } finally {
      await fetch(`${synapse().baseUrl}/_synapse/admin/v1/users/${encodeURIComponent(bot.userId)}/override_ratelimit`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${admin.accessToken}` },
      });
    }
  });
});

describe("2. restarts and crashes", () => {
  let roomId: string;

  beforeAll(async () => {
    roomId = await ana.createRoom({ name: "Strike fund", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
  });

  test("after SIGTERM the bot comes back with the same device and still decrypts and answers", async () => {
    const device = bot.deviceId();
    expect(await bot.stop("SIGTERM")).toBe(0);
    await bot.start();
    expect(bot.deviceId()).toBe(device);
    expect(bot.stdout.match(/RECOVERY KEY/g)).toHaveLength(1);

    const command = await thanks(ana, roomId, "brought 2 thermoses");
    const replies = repliesByCommand(
      await ana.messages(roomId, { sender: bot.userId, count: 1, timeoutMs: 60_000 }),
      bot.userId,
    );
    expect(replies.get(command)).toHaveLength(1);
    expect(replies.get(command)![0]!.decryptionFailed).toBe(false);
  });

  test("SIGKILL in the middle of a burst of 50 commands: each has one effect and one reply", async () => {
    const device = bot.deviceId();
    const before = ledgerCount(roomId);
    const sent: string[] = [];
    for (let i = 1; i <= 50; i++) {
      sent.push(await thanks(ana, roomId, `gave ${i} hours`));
      if (i === 20) {
        // Crash while commands are arriving, being handled and being answered.
        await ana.messages(roomId, { sender: bot.userId, count: 3, timeoutMs: 60_000 });
        await bot.stop("SIGKILL");
      }
    }
    await bot.start();
    expect(bot.deviceId()).toBe(device);

    const all = await ana.messages(roomId, { sender: bot.userId, count: 1 + 50, timeoutMs: 180_000 });
    const replies = repliesByCommand(all, bot.userId);
    for (const command of sent) expect(replies.get(command)?.length ?? 0).toBe(1);
    expect(all.every((m) => m.wireType === "m.room.encrypted" && !m.decryptionFailed)).toBe(true);
    expect(ledgerCount(roomId)).toBe(before + 50);
    const whats = bot
      .query<{ what: string }>("SELECT what FROM ledger_entries WHERE room_id = ? AND what LIKE 'gave %'", roomId)
      .map((r) => r.what);
    expect(new Set(whats).size).toBe(50);

    const later = await thanks(ana, roomId, "made the tea");
    const after = repliesByCommand(
      await ana.messages(roomId, { sender: bot.userId, count: 52, timeoutMs: 60_000 }),
      bot.userId,
    );
    expect(after.get(later)).toHaveLength(1);
  });
});

describe("5. the homeserver goes away and comes back", () => {
  test("commands sent around the outage are answered once it is back, once each", async () => {
    const roomId = await ana.createRoom({ name: "Night shift", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    const sent = [await thanks(ana, roomId, "covered a shift"), await thanks(ana, roomId, "lent a ladder")];
    await restartSharedSynapse(8_000);
    sent.push(await thanks(ana, roomId, "printed leaflets"), await thanks(ana, roomId, "walked a dog"));

    const replies = repliesByCommand(
      await ana.messages(roomId, { sender: bot.userId, count: 4, timeoutMs: 180_000 }),
      bot.userId,
    );
    for (const command of sent) expect(replies.get(command)).toHaveLength(1);
    expect(ledgerCount(roomId)).toBe(4);
  });
});
