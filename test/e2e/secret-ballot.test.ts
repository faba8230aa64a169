/**
 * A secret ballot on a real homeserver: the proposal is announced in the cell's room, members vote
 * in their direct chat with the bot, and only totals come back to the room at the close. The
 * database holds who voted and the tallies, never who chose what.
 */
import { jest } from "@jest/globals";
import { answerTo, Bot, newUser, TestClient } from "../support/e2e.js";
import type { RegisteredUser } from "../support/synapse.js";

jest.setTimeout(240_000);

let bot: Bot;
let mo: TestClient;
let ana: TestClient;
let anaUser: RegisteredUser;

beforeAll(async () => {
  const moUser = await newUser("mo");
  anaUser = await newUser("ana");
  bot = await Bot.create({ allowedInviters: [moUser.userId, anaUser.userId] });
  await bot.start();
  mo = await TestClient.start(moUser);
  ana = await TestClient.start(anaUser);
});

afterAll(async () => {
  await ana?.stop();
  await mo?.stop();
  await bot?.stop();
});

describe("a secret ballot by direct message", () => {
  it("takes votes only in a direct chat and keeps no link between a voter and a choice", async () => {
    const cell = await mo.createRoom({ name: "secret cell", encrypted: true, invite: [bot.userId, anaUser.userId] });
    await mo.waitMembership(cell, bot.userId, "join", 60_000);
    await ana.call("join", { roomId: cell });
    await mo.waitMembership(cell, anaUser.userId, "join");

    const announced = await answerTo(
      mo,
      bot,
      cell,
      await mo.send(cell, "!propose secret We file a grievance together"),
    );
    const code = /ballot code \*{0,2}([A-Z0-9]{4})/.exec(announced)?.[1];
    expect(code).toMatch(/^[A-Z0-9]{4}$/);
    expect(await answerTo(ana, bot, cell, await ana.send(cell, `!vote ${code} agree`))).toMatch(/direct chat/);

    const direct = await ana.createRoom({ name: "", encrypted: true, invite: [bot.userId], direct: true });
    await ana.waitMembership(direct, bot.userId, "join", 60_000);
    const receipt = await answerTo(ana, bot, direct, await ana.send(direct, `!vote ${code} agree`));
    expect(receipt).toMatch(/Your secret vote on #1 is counted\. Your receipt: \S+/);
    expect(await answerTo(ana, bot, direct, await ana.send(direct, `!vote ${code} disagree`))).toMatch(
      /voted on this ballot already/,
    );

    const closed = await answerTo(mo, bot, cell, await mo.send(cell, "!propose 1 close"));
    expect(closed).toMatch(/agree/i);

    await bot.stop();
    // Who voted and what was chosen live in two tables that share nothing but the proposal.
    const voters = JSON.stringify(bot.query("SELECT * FROM proposal_voters"));
    const ballots = JSON.stringify(bot.query("SELECT * FROM proposal_ballots"));
    expect(voters).toContain(anaUser.userId);
    expect(voters).not.toMatch(/agree|disagree/);
    expect(ballots).toMatch(/agree/);
    expect(ballots).not.toContain(anaUser.userId);
    expect(ballots).not.toContain(direct);
    expect(bot.query("SELECT * FROM proposal_votes")).toEqual([]);
  });
});
