import { renderMatrixContent } from "../../src/transport/matrix/format.js";
import { ALICE, createTestBot, MOD, ROOM, type TestBot } from "../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";

/** Lists read to the room name people as pills and ping nobody: only a message addressed to someone notifies them. */
describe("who a listing notifies, beyond the ledger", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot(); // 2026-11-24 10:00 UTC
    bot.transport.join(ROOM, ANA, "Ana");
    bot.transport.join(ROOM, BO, "Bo");
  });
  afterEach(() => bot.close());

  const mentionsOf = (i: number) => renderMatrixContent(bot.transport.sent.at(i)!.doc, { kind: "reply" })["m.mentions"];

  it("the skills board, with its pairs", async () => {
    await bot.say("!skill add first aid", { sender: ANA });
    await bot.say("!skill want first aid", { sender: BO });
    await bot.say("!skills", { sender: ALICE });
    expect(renderMatrixContent(bot.transport.sent.at(-1)!.doc, { kind: "reply" }).formatted_body).toContain("Ana");
    expect(mentionsOf(-1)).toEqual({ user_ids: [] });
  });

  it("the meeting's gratitude opener, read to everyone", async () => {
    await bot.say("!meeting weekly thursday 19:00", { sender: MOD });
    await bot.say(`!ledger thanks ${ANA} cooked soup`, { sender: ALICE });
    const [opener] = await bot.tickTo("2026-11-26T17:45:00Z");
    expect(opener).toContain("cooked soup");
    expect(mentionsOf(-1)).toEqual({ user_ids: [] });
  });
});
