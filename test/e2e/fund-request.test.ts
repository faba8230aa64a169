/**
 * The solidarity fund's private request on a real homeserver (issue 11): a member asks in a direct
 * chat with the bot, the cell's room learns only that a request waits, the keeper sees who asked in
 * her own direct chat, and a moderator and the keeper grant it in the room. Nobody else ever sees
 * the asker's name: not the room, not a moderator who has not signed.
 */
import { jest } from "@jest/globals";
import { openKeyed } from "../../src/platform/db.js";
import { answerTo, Bot, newUser, TestClient } from "../support/e2e.js";
import type { SeenMessage } from "../support/matrix-test-client.js";

jest.setTimeout(240_000);

let bot: Bot;
let mo: TestClient;
let ana: TestClient;
let bo: TestClient;

beforeAll(async () => {
  const [moUser, anaUser, boUser] = await Promise.all([newUser("mo"), newUser("ana"), newUser("bo")]);
  bot = await Bot.create({ allowedInviters: [moUser.userId, anaUser.userId, boUser.userId] });
  await bot.start();
  [mo, ana, bo] = await Promise.all([TestClient.start(moUser), TestClient.start(anaUser), TestClient.start(boUser)]);
});

afterAll(async () => {
  await Promise.all([mo?.stop(), ana?.stop(), bo?.stop()]);
  await bot?.stop();
});

/**
 * The notice is a one-off post on the next minute (so the time of a request tells nothing either);
 * the test moves that job to now, as the scheduler ticks every second, instead of waiting for it.
 */
function bringNoticeForward(roomId: string): void {
  const db = openKeyed(bot.dbPath, bot.dbKey, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare(
      "UPDATE jobs SET next_run_utc = ? WHERE room_id = ? AND kind = 'fund.request' AND next_run_utc IS NOT NULL",
    ).run(Date.now() - 1_000, roomId);
  } finally {
    db.close();
  }
}

async function directChat(member: TestClient): Promise<string> {
  const roomId = await member.createRoom({ name: "", encrypted: true, invite: [bot.userId], direct: true });
  await member.waitMembership(roomId, bot.userId, "join", 60_000);
  return roomId;
}

const localpart = (userId: string) => userId.slice(1, userId.indexOf(":"));

describe("a private support request by direct message", () => {
  it("keeps the asker's name between the asker, the keeper and the approver", async () => {
    const cell = await mo.createRoom({
      name: "fund cell",
      encrypted: true,
      invite: [bot.userId, ana.user.userId, bo.user.userId],
    });
    await mo.waitMembership(cell, bot.userId, "join", 60_000);
    await Promise.all([ana.call("join", { roomId: cell }), bo.call("join", { roomId: cell })]);
    await mo.waitMembership(cell, ana.user.userId, "join");
    await mo.waitMembership(cell, bo.user.userId, "join");

    const ask = (client: TestClient, roomId: string, command: string) =>
      client.send(roomId, command).then((id) => answerTo(client, bot, roomId, id));
    await ask(mo, cell, "!role add treasurer");
    await ask(ana, cell, "!role join treasurer");
    expect(await ask(ana, cell, "!fund in €500 strike collection")).toMatch(/500/);
    const code = /Fund code:\W*([A-Z2-9]{5})/.exec(await ask(mo, cell, "!fund"))?.[1];
    expect(code).toMatch(/^[A-Z2-9]{5}$/);

    expect(await ask(bo, cell, `!fund ask ${code} €200 rent`)).toContain("write it to me in a direct message");
    const boDirect = await directChat(bo);
    expect(await ask(bo, boDirect, `!fund ask ${code} €200 rent`)).toBe(
      "Your request #1 for €200.00 is with the fund's keeper. The cell only learns that a request is waiting, never who asked.",
    );

    bringNoticeForward(cell);
    const notice = await noticeIn(cell);
    expect(notice.body).toMatch(/^A support request is waiting\. The keeper sees it privately: .*fund requests/);
    expect(notice).toMatchObject({ wireType: "m.room.encrypted", decryptionFailed: false });

    const anaDirect = await directChat(ana);
    const keeperSees = await ask(ana, anaDirect, `!fund requests ${code}`);
    expect(keeperSees).toContain(`Support requests waiting in cell ${code}:`);
    expect(keeperSees).toMatch(new RegExp(`#1: .*${localpart(bo.user.userId)}.* asks for €200\\.00 \\(rent\\)`));

    const moDirect = await directChat(mo);
    expect(await ask(mo, moDirect, `!fund requests ${code}`)).toContain("shown only to the fund's keeper");
    expect(await ask(bo, cell, "!fund grant 1")).toContain("Only the fund's keeper");
    expect(await ask(mo, cell, "!fund grant 1")).toMatch(
      /^You signed request #1\. The fund's keeper grants it with .*fund grant 1/,
    );
    expect(await ask(mo, moDirect, `!fund requests ${code}`)).toContain(localpart(bo.user.userId));
    expect(await ask(ana, cell, "!fund grant 1")).toBe(
      "Support request #1 is granted: €200.00 paid out (movement #2).",
    );
    expect(await ask(mo, cell, "!fund")).toContain("€300.00");

    // The room, read by any member, never names the asker; only the keeper's and the approver's
    // direct chats do.
    const inCell = await bo.messages(cell, { sender: bot.userId });
    expect(inCell.length).toBeGreaterThan(5);
    for (const message of inCell) expect(message.body).not.toContain(localpart(bo.user.userId));
    const boSees = await bo.messages(boDirect, { sender: bot.userId });
    expect(boSees.map((m) => m.body)).toEqual([expect.stringContaining("Your request #1")]);
  });
});

async function noticeIn(roomId: string): Promise<SeenMessage> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = (await mo.messages(roomId, { sender: bot.userId, timeoutMs: 2_000 })).find((m) =>
      m.body?.startsWith("A support request is waiting"),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no notice:\n${bot.diagnostics()}`);
  }
}
