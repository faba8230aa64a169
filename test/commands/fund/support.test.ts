import { fundRoomData } from "../../../commands/fund/room-data.js";
import { personMatch } from "../../../src/kernel/room-data.js";
import { MOD, ROOM, type TestBot } from "../../support/test-bot.js";
import { cellWithTreasurer } from "./cell.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";
const BO_DM = "!dm-bo:test.org";
const ANA_DM = "!dm-ana:test.org";
const MOD_DM = "!dm-mod:test.org";

describe("fund support requests", () => {
  let bot: TestBot;
  let code: string;
  beforeEach(async () => {
    bot = await cellWithTreasurer();
    for (const [room, who] of [
      [BO_DM, BO],
      [ANA_DM, ANA],
      [MOD_DM, MOD],
    ] as const) {
      bot.transport.join(room, who);
      bot.transport.directRooms.add(room);
    }
    code = /Fund code: ([A-Z2-9]{5})/.exec((await bot.say("!fund"))[0]!)![1]!;
    await bot.say("!fund in €500 strike collection", { sender: ANA });
  });
  afterEach(() => bot.close());

  it("takes a request only in a direct message, and tells the room only that one waits", async () => {
    expect(await bot.say(`!fund ask ${code} €200 rent`, { sender: BO })).toEqual([
      expect.stringContaining("write it to me in a direct message"),
    ]);
    expect(await bot.say(`!fund ask ${code} €200 rent`, { sender: BO, roomId: BO_DM })).toEqual([
      "Your request #1 for €200.00 is with the fund's keeper. The cell only learns that a request is waiting, never who asked.",
    ]);
    expect(await bot.say("!fund ask NOPE2 €200 rent", { sender: BO, roomId: BO_DM })).toEqual([
      expect.stringContaining("No cell has the fund code NOPE2"),
    ]);
    expect(await bot.say(`!fund ask ${code} -€5`, { sender: BO, roomId: BO_DM })).toEqual([
      expect.stringContaining("without a minus"),
    ]);
    expect(await bot.say("!fund", { sender: BO, roomId: BO_DM })).toEqual([
      expect.stringContaining("This works in the cell's room."),
    ]);
    const posts = await bot.tickTo("2026-11-24T10:02:00Z");
    const notice = bot.transport.sent.at(-1)!;
    expect(notice.roomId).toBe(ROOM);
    expect(posts).toEqual([
      `A support request is waiting. The keeper sees it privately: !fund requests ${code} in a direct message with me.`,
    ]);
    const [room] = await bot.say("!fund requests");
    expect(room).toContain("1 support request is waiting.");
    expect(room).not.toMatch(/bo|200/i);
    expect((await bot.say("!fund"))[0]).toContain("1 support request is waiting.");
  });

  it("shows who asked only to the keeper, in her direct message, and needs the keeper and one more to grant", async () => {
    await bot.say(`!fund ask ${code.toLowerCase()} €200 rent`, { sender: BO, roomId: BO_DM });
    expect(await bot.say(`!fund requests ${code}`, { sender: ANA, roomId: ANA_DM })).toEqual([
      `Support requests waiting in cell ${code}:\n• #1: bo asks for €200.00 (rent)`,
    ]);
    expect(await bot.say(`!fund requests ${code}`, { sender: MOD, roomId: MOD_DM })).toEqual([
      expect.stringContaining("shown only to the fund's keeper"),
    ]);
    expect(await bot.say("!fund grant 1", { sender: BO })).toEqual([expect.stringContaining("Only the fund's keeper")]);
    expect(await bot.say("!fund grant 1", { sender: MOD })).toEqual([
      "You signed request #1. The fund's keeper grants it with !fund grant 1.",
    ]);
    // The approver who signed now sees the name too.
    expect((await bot.say(`!fund requests ${code}`, { sender: MOD, roomId: MOD_DM }))[0]).toContain(
      "bo asks for €200.00",
    );
    expect(await bot.say("!fund grant 1", { sender: MOD })).toEqual([
      "You signed request #1. The fund's keeper grants it with !fund grant 1.",
    ]);
    expect(await bot.say("!fund grant 1", { sender: ANA })).toEqual([
      "Support request #1 is granted: €200.00 paid out (movement #2).",
    ]);
    expect(await bot.say("!fund grant 1", { sender: ANA })).toEqual(["Support request #1 was decided already."]);
    const [shown] = await bot.say("!fund");
    expect(shown).toContain("The fund holds €300.00.");
    expect(shown).toContain("#2 out €200.00: support request #1");
    expect(shown).not.toMatch(/\bBo\b/);
  });

  it("lets the keeper decline, and never lets anyone decide their own request", async () => {
    await bot.say(`!fund ask ${code} €50 groceries`, { sender: MOD, roomId: MOD_DM });
    expect(await bot.say("!fund grant 1", { sender: MOD })).toEqual([
      "Request #1 is yours: two other people decide it.",
    ]);
    expect(await bot.say("!fund decline 1", { sender: ANA })).toEqual(["Support request #1 is declined."]);
    expect(await bot.say(`!fund requests ${code}`, { sender: ANA, roomId: ANA_DM })).toEqual([
      "No support request is waiting.",
    ]);
  });

  it("forgets a person (keeping the money) and wipes the fund with the cell", async () => {
    await bot.say("!fund in €10 from @bo for bo's shift", { sender: ANA });
    await bot.say("!fund pledge €5", { sender: BO });
    await bot.say(`!fund ask ${code} €20 bus`, { sender: BO, roomId: BO_DM });
    const who = personMatch({ userId: BO, name: "Bo" });
    expect(fundRoomData.countPerson(bot.db, ROOM, who)).toBe(3);
    expect(fundRoomData.countMentions!(bot.db, ROOM, who)).toBe(1);
    fundRoomData.forgetPerson(bot.db, ROOM, who, "someone", bot.clock.now, "Europe/Madrid");
    expect(fundRoomData.countPerson(bot.db, ROOM, who)).toBe(0);
    expect(fundRoomData.countMentions!(bot.db, ROOM, who)).toBe(0);
    const [shown] = await bot.say("!fund");
    expect(shown).toContain("The fund holds €510.00.");
    expect(shown).toContain("#2 in €10.00: for someone's shift");
    expect(shown).not.toContain("pledge");
    expect(fundRoomData.countRoom(bot.db, ROOM)).toBe(3);
    fundRoomData.wipeRoom(bot.db, ROOM);
    expect(fundRoomData.countRoom(bot.db, ROOM)).toBe(0);
    expect((await bot.say("!fund"))[0]).toContain("The fund is empty so far.");
  });
});
