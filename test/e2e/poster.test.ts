/**
 * The monthly assembly against a real Synapse: its post arrives by itself, the month's digest and
 * then the care poster as an encrypted image (`m.image` with size and an encrypted thumbnail) that
 * the member's client downloads and decrypts to a PNG.
 */
import { jest } from "@jest/globals";
import { openKeyed } from "../../src/platform/db.js";
import { Bot, newUser, TestClient } from "../support/e2e.js";

jest.setTimeout(240_000);

let bot: Bot;
let ana: TestClient;

beforeAll(async () => {
  const anaUser = await newUser("ana");
  bot = await Bot.create({ allowedInviters: [anaUser.userId] });
  await bot.start();
  ana = await TestClient.start(anaUser);
});

afterAll(async () => {
  await ana?.stop();
  await bot?.stop();
});

/**
 * The assembly reads the month before it, and it is weeks away: the test moves the care into last
 * month and the assembly's durable job to now, so the scheduler (ticking every second) runs it.
 */
function bringAssemblyForward(roomId: string): void {
  const db = openKeyed(bot.dbPath, bot.dbKey, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    const lastMonth = new Date();
    lastMonth.setUTCDate(1);
    lastMonth.setUTCDate(-10);
    db.prepare("UPDATE ledger_entries SET recorded_at = ? WHERE room_id = ?").run(lastMonth.getTime(), roomId);
    const moved = db
      .prepare(
        "UPDATE jobs SET next_run_utc = ? WHERE room_id = ? AND kind = 'meeting.assembly' AND next_run_utc IS NOT NULL",
      )
      .run(Date.now() - 1_000, roomId).changes;
    if (moved !== 1) throw new Error(`expected one assembly job, found ${moved}`);
  } finally {
    db.close();
  }
}

describe("care poster on Matrix", () => {
  test("the monthly assembly post arrives by itself with the poster as an encrypted image the member's client decrypts to a PNG", async () => {
    const roomId = await ana.createRoom({ name: "Assembly room", encrypted: true, invite: [bot.userId] });
    await ana.waitMembership(roomId, bot.userId, "join");
    await ana.send(roomId, `!ledger thanks @ana cooked 40 meals for the picket`);
    await ana.send(roomId, "!assembly monthly first monday 19:00");
    const noted = await ana.messages(roomId, { sender: bot.userId, count: 2, timeoutMs: 60_000 });
    expect(noted[1]!.body).toContain("Monthly assembly noted");

    bringAssemblyForward(roomId);
    const posts = await ana.messages(roomId, { sender: bot.userId, count: 4, timeoutMs: 60_000 });
    const [digest, image] = posts.slice(2);
    expect(digest!.body).toMatch(/^For the assembly: care given in /);
    expect(image).toMatchObject({
      wireType: "m.room.encrypted",
      decryptionFailed: false,
      msgtype: "m.image",
      filename: expect.stringMatching(/^care-poster-\d{4}-\d{2}\.png$/),
    });
    // Alternative text: the month's digest, giver named.
    expect(image!.body).toContain("cooked 40 meals for the picket");
    expect(image!.url).toBeUndefined();
    expect(image!.file).toMatchObject({ v: "v2", url: expect.stringMatching(/^mxc:\/\//), key: { alg: "A256CTR" } });
    const info = image!.info as {
      w: number;
      h: number;
      mimetype: string;
      size: number;
      thumbnail_file?: { url: string };
      thumbnail_info?: { w: number };
    };
    expect(info).toMatchObject({ mimetype: "image/png", w: 1200, h: expect.any(Number), size: expect.any(Number) });
    expect(info.thumbnail_file?.url).toMatch(/^mxc:\/\//);
    expect(info.thumbnail_info?.w).toBe(400);

    const { base64, uploadedBytes } = await ana.call<{ base64: string; uploadedBytes: number }>("downloadFile", {
      eventId: image!.eventId,
    });
    const png = Buffer.from(base64, "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(info.w);
    expect(png.readUInt32BE(20)).toBe(info.h);
    expect(png.length).toBe(info.size);
    expect(uploadedBytes).toBe(info.size);
  });
});
