import { readFileSync } from "node:fs";
import { pino } from "pino";
import { createApp } from "../../../app/app.js";
import { renderPlain } from "../../../src/kernel/render-plain.js";
import { openMigrated } from "../../support/db.js";
import { FakeTransport } from "../../support/fake-transport.js";
import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";
const DM_ANA = "!dm-ana:test.org";
const DM_BO = "!dm-bo:test.org";

describe("governance secret ballots", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
    for (const [dm, who] of [
      [DM_ANA, ANA],
      [DM_BO, BO],
    ] as const)
      bot.transport.join(dm, who);
    Object.assign(bot.transport, { isDirect: (roomId: string) => roomId.startsWith("!dm-") });
  });
  afterEach(() => bot.close());

  const codeOf = (text: string) => /ballot code ([A-Z0-9]{4})/.exec(text.replace(/\*/g, ""))![1]!;
  const receiptOf = (text: string) => /Your receipt: ([0-9A-F]{4}-[A-Z0-9]{4})/.exec(text)![1]!;

  it("takes votes only in a direct chat, once, changeable by receipt, and posts totals only at close", async () => {
    const [announced] = await bot.say("!propose secret We file a grievance", { sender: ALICE });
    expect(bot.transport.sent.at(-1)!.doc.poll).toBeUndefined();
    const code = codeOf(announced!);
    expect(announced).toContain(`!vote ${code} agree`);
    expect(await bot.say(`!vote ${code} agree`, { sender: ANA })).toEqual([
      expect.stringContaining("This is a secret ballot: vote in a direct chat with me"),
    ]);
    expect(await bot.say("!vote 1 agree", { sender: ANA })).toEqual([
      expect.stringContaining("This is a secret ballot"),
    ]);
    const [first] = await bot.say(`!vote ${code} disagree`, { sender: ANA, roomId: DM_ANA });
    const receipt = receiptOf(first!);
    expect(await bot.say(`!vote ${code} agree`, { sender: ANA, roomId: DM_ANA })).toEqual([
      expect.stringContaining("You have voted on this ballot already"),
    ]);
    expect(await bot.say(`!vote ${code} block ${receipt}`, { sender: ANA, roomId: DM_ANA })).toEqual([
      "Your secret vote on #1 is changed.",
    ]);
    await bot.say(`!vote ${code} agree`, { sender: BO, roomId: DM_BO });
    expect(await bot.say(`!vote ${code} agree`, { sender: "@x:test.org", roomId: "!dm-x:test.org" })).toEqual([
      "Only members who were in the room when proposal #1 started can vote on it.",
    ]);
    expect(await bot.say("!proposal 1")).toEqual([expect.not.stringContaining("members answered")]);
    const [closed] = await bot.say("!propose 1 close", { sender: MOD });
    expect(closed).toContain("not adopted (blocked) (Agree 1, Abstain 0, Disagree 0, Block 1)");
    expect(closed).toContain(
      "Thank you for speaking up with a block: it shows something matters. Alice, and whoever blocked, please talk before the next meeting.",
    );
    expect(bot.transport.sent.at(-1)!.doc.endsPoll).toBeUndefined();
  });

  it("leaves no link from a person to their vote in any table, nor in the file's bytes", async () => {
    const [announced] = await bot.say("!propose secret We file a grievance", { sender: ALICE });
    const code = codeOf(announced!);
    const receipts = [];
    for (const [who, dm, choice] of [
      [ANA, DM_ANA, "block"],
      [BO, DM_BO, "agree"],
      [MOD, "!dm-mod:test.org", "disagree"],
    ] as const) {
      const [reply] = await bot.say(`!vote ${code} ${choice}`, { sender: who, roomId: dm });
      receipts.push(receiptOf(reply!));
    }
    await bot.say(`!vote ${code} abstain ${receipts[1]}`, { sender: BO, roomId: DM_BO });
    const tables = bot.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) {
      for (const row of bot.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        const text = JSON.stringify(row);
        for (const receipt of receipts) expect(text).not.toContain(receipt);
        if (/@(ana|bo|mod):test\.org|!dm-/.test(text)) expect(text).not.toMatch(/\b(block|agree|disagree|abstain)\b/);
      }
    }
    bot.db.pragma("wal_checkpoint(TRUNCATE)");
    const bytes = readFileSync(bot.path).toString("latin1");
    for (const receipt of receipts) expect(bytes).not.toContain(receipt);
    for (const choice of ["block", "agree", "disagree", "abstain"]) expect(bytes).not.toContain(`${code} ${choice}`);
    const [closed] = await bot.say("!propose 1 close", { sender: ALICE });
    expect(closed).toContain("(Agree 0, Abstain 1, Disagree 1, Block 1)");
  });

  it("writes no vote, receipt or voter into any log line, at the most verbose level", async () => {
    const lines: string[] = [];
    const opened = openMigrated(":memory:");
    const transport = new FakeTransport();
    for (const [who, name] of [
      [ALICE, "Alice"],
      [ANA, "Ana"],
    ] as const)
      transport.join(ROOM, who, name);
    transport.join(DM_ANA, ANA);
    Object.assign(transport, { isDirect: (roomId: string) => roomId === DM_ANA });
    const log = pino({ level: "trace" }, { write: (line: string) => void lines.push(line) });
    const { dispatcher, sender } = createApp({
      db: opened.db,
      transport,
      log,
      clock: () => Date.UTC(2026, 10, 24, 10, 0),
      config: {
        prefix: "!",
        ledger: { maxEntriesPerHour: 30 },
        defaults: { language: "en", timezone: "Europe/Madrid" },
        permissions: { moderatorPowerLevel: 50, admins: [] },
      },
    });
    const say = async (text: string, sender_: string, roomId: string, eventId: string) => {
      dispatcher.handle({ eventId, roomId, sender: sender_, text, sentAt: Date.UTC(2026, 10, 24, 10, 0) });
      await sender.drain();
    };
    await say("!propose secret We file a grievance", ALICE, ROOM, "$p1");
    const code = codeOf(renderPlain(transport.sent.at(-1)!.doc));
    await say(`!vote ${code} block`, ANA, DM_ANA, "$v1");
    await say(`!vote ${code} agree`, ANA, DM_ANA, "$v2");
    const receipt = receiptOf(renderPlain(transport.sent.at(-2)!.doc));
    for (const line of lines) {
      expect(line).not.toContain(receipt);
      expect(line).not.toMatch(/\b(block|agree)\b/);
      expect(line).not.toContain("ana");
    }
    opened.close();
  });
});
