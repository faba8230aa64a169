import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";

describe("the charter: what a committee trips over", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = createTestBot();
    bot.transport.join("!cell:test.org", ANA, "Ana");
    await bot.say("!charter start", { sender: MOD });
  });
  afterEach(() => bot.close());

  it("closes an amendment of an article removed meanwhile as “could not apply”, saying why", async () => {
    await bot.say("!charter remove 3 until wednesday 10:00", { sender: MOD });
    await bot.say("!charter amend 3 Rotating roles: monthly until thursday 10:00", { sender: ANA });
    await bot.say("!vote 1 agree", { sender: ANA });
    await bot.say("!vote 2 agree", { sender: ANA });
    await bot.say("!vote 2 agree", { sender: MOD });
    await bot.say("!vote 1 agree", { sender: MOD });
    await bot.tickTo("2026-11-25T09:30:00Z");
    const [closed] = await bot.tickTo("2026-11-26T09:30:00Z");
    expect(closed).toContain(
      "Proposal #2: Change article 3 (Rotating roles) to: Rotating roles: monthly: adopted, but it could not apply: article 3 is no longer in the charter",
    );
    expect((await bot.say("!decisions"))[0]).toContain("could not apply");
    expect(await bot.say("!charter 3")).toEqual([expect.stringContaining("There is no article 3")]);
  });

  it("refuses a second open proposal for the very same change", async () => {
    await bot.say("!charter amend 2 How we decide: by consent", { sender: ANA });
    expect(await bot.say("!charter amend 2 How we decide: by consent", { sender: MOD })).toEqual([
      "Proposal #1 already proposes exactly this change, and it is still open: answer it instead (!proposal 1).",
    ]);
    expect(await bot.say("!charter amend 2 How we decide: by consent, always", { sender: MOD })).toEqual([
      expect.stringMatching(/^Proposal #2/),
    ]);
  });

  it("does not repeat an article's text as its title when it has none", async () => {
    await bot.say("!charter add Everyone speaks once before anyone speaks twice", { sender: ANA });
    expect(bot.transport.sent.at(-1)!.doc.poll?.question).toBe(
      "Add to the charter: Everyone speaks once before anyone speaks twice",
    );
    await bot.say("!charter add We rotate. Nobody keeps a role for more than a year.", { sender: ANA });
    expect(bot.transport.sent.at(-1)!.doc.poll?.question).toBe(
      "Add to the charter: We rotate: Nobody keeps a role for more than a year.",
    );
    await bot.say("!vote 1 agree", { sender: MOD });
    await bot.tickTo("2026-11-26T10:00:00Z");
    expect(await bot.say("!charter 6")).toEqual([
      "6. Everyone speaks once before anyone speaks twice\nEvery earlier version: !charter history 6",
    ]);
    expect((await bot.say("!charter"))[0]).toContain("• 6. Everyone speaks once before anyone speaks twice\n");
  });

  it("refuses a paper size it does not print, listing those it does, and suggests nothing already asked for", async () => {
    expect(await bot.say("!charter print a5")).toEqual([
      "I don't print on “a5”. The sizes are: a3, a4; anything else after the command is the room's name.",
    ]);
    expect(await bot.say("!decisions print A5")).toEqual([expect.stringContaining("I don't print on “A5”.")]);
    const [intro] = await bot.say("!charter print anonymous");
    expect(intro).toContain("For another size: !charter print a4 anonymous.");
    expect(intro).not.toContain("Without the room's name");
  });
});
