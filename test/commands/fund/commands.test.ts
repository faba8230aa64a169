import { MOD, type TestBot } from "../../support/test-bot.js";
import { cellWithTreasurer } from "./cell.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";
const ALICE = "@alice:test.org";

describe("the solidarity fund", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await cellWithTreasurer();
  });
  afterEach(() => bot.close());

  it("starts empty and shows its keeper and code", async () => {
    const [shown] = await bot.say("!fund");
    expect(shown).toContain("The fund is empty so far. Record money that came in with !fund in");
    expect(shown).toContain("The fund is kept by Ana (treasurer).");
    expect(shown).toMatch(/Fund code: [A-Z2-9]{5}\./);
  });

  it("adds money exactly, and a payout takes effect only when a second person approves it", async () => {
    expect(await bot.say("!fund in €50 from @bo May dues", { sender: ANA })).toEqual([
      "Recorded: #1, €50.00 in. Thank you.",
    ]);
    expect(await bot.say("!fund in 1.234,56 €", { sender: ANA })).toEqual(["Recorded: #2, €1,234.56 in. Thank you."]);
    expect(await bot.say("!fund in €5", { sender: ALICE })).toEqual([
      "Only the fund's keeper (Ana, the treasurer) can do this.",
    ]);
    expect(await bot.say("!fund out €120 to @bo rent support", { sender: ALICE })).toEqual([
      "Only the fund's keeper (Ana, the treasurer) can do this.",
    ]);
    expect(await bot.say("!fund out €120 to @bo rent support", { sender: ANA })).toEqual([
      "Payout #3 of €120.00 is proposed. It takes effect when someone else approves it: !fund approve 3\nIf nobody approves it within 14 days, it expires. To withdraw it: !fund cancel 3",
    ]);
    expect((await bot.say("!fund"))[0]).toContain("The fund holds €1,284.56.");
    expect(await bot.say("!fund approve 3", { sender: ANA })).toEqual([
      "#3 needs a second person: someone other than who proposed or signed it first.",
    ]);
    expect(await bot.say("!fund approve 3", { sender: BO })).toEqual([
      "Only the fund's keeper (the treasurer) or a moderator can decide this.",
    ]);
    expect(await bot.say("!fund approve 3", { sender: MOD })).toEqual([
      "Payout #3 of €120.00 is approved and has taken effect.",
    ]);
    expect(await bot.say("!fund approve 3", { sender: MOD })).toEqual(["Payout #3 has taken effect already."]);
    const [shown] = await bot.say("!fund");
    expect(shown).toContain("The fund holds €1,164.56.");
    expect(shown).toContain("#3 out €120.00 to Bo: rent support");
    expect(shown).toContain("#1 in €50.00 from Bo: May dues");
  });

  it("refuses what it cannot read, negative amounts and payouts beyond the balance, saying what to type", async () => {
    expect(await bot.say("!fund in -5 €", { sender: ANA })).toEqual([
      expect.stringContaining("Amounts are written without a minus"),
    ]);
    expect(await bot.say("!fund in 50", { sender: ANA })).toEqual([
      expect.stringContaining("Which currency? Write it with the amount, like !fund in €50 from @ana"),
    ]);
    expect(await bot.say("!fund in €99999999", { sender: ANA })).toEqual([expect.stringContaining("too large")]);
    await bot.say("!fund in 20 USD", { sender: ANA });
    expect(await bot.say("!fund out $25 printing", { sender: ANA })).toEqual([
      "The fund doesn't hold $25.00 in that currency. See the balance with !fund.",
    ]);
    expect(await bot.say("!fund out €1 printing", { sender: ANA })).toEqual([
      "The fund doesn't hold €1.00 in that currency. See the balance with !fund.",
    ]);
  });

  it("keeps balances per currency, gives a month's statement and a formula-safe CSV", async () => {
    await bot.say('!fund in €50 from @bo =HYPERLINK("x")', { sender: ANA });
    await bot.say("!fund in $20", { sender: ANA });
    await bot.say("!fund out €12,50 flyers", { sender: ANA });
    await bot.say("!fund approve 3", { sender: MOD });
    expect((await bot.say("!fund"))[0]).toContain("The fund holds €37.50 · $20.00.");
    const [statement] = await bot.say("!fund statement month");
    expect(statement).toContain("Fund statement, November 2026:");
    expect(statement).toContain("in €50.00, out €12.50");
    expect(statement).toContain("in $20.00, out $0.00");
    const [csv] = await bot.say("!fund export");
    expect(csv).toContain("number,date,direction,amount,currency,person,note,support_request,proposed_by,approved_by");
    expect(csv).toContain(`1,2026-11-24T10:00:00.000Z,in,50.00,EUR,'${BO},"'=HYPERLINK(""x"")",,'${ANA},`);
    expect(csv).toContain(`3,2026-11-24T10:00:00.000Z,out,12.50,EUR,,flyers,,'${ANA},'${MOD}`);
  });

  it("lets moderators keep the fund while nobody holds the keeper's role", async () => {
    expect(await bot.say("!fund keeper cashier", { sender: MOD })).toEqual([
      "The cashier keeps the fund; nobody holds that role yet (!role add cashier). Until then, moderators keep it.",
    ]);
    expect(await bot.say("!fund in €10", { sender: ANA })).toEqual([
      "Only a moderator can do this while nobody holds the cashier role.",
    ]);
    expect(await bot.say("!fund in €10", { sender: MOD })).toEqual(["Recorded: #1, €10.00 in. Thank you."]);
    await bot.say("!fund out €4 tea", { sender: MOD });
    expect(await bot.say("!fund approve 2", { sender: MOD })).toEqual([
      expect.stringContaining("needs a second person"),
    ]);
  });

  it("lists monthly pledges as totals and reminds the room each month", async () => {
    expect(await bot.say("!fund pledge €10 monthly", { sender: ALICE })).toEqual([
      "Thank you: you pledge €10.00 a month. The cell is reminded of the totals each month. To stop: !fund pledge stop",
    ]);
    await bot.say("!fund pledge 5 € al mes", { sender: BO });
    await bot.say("!fund pledge €7", { sender: BO });
    expect((await bot.say("!fund"))[0]).toContain("2 people pledge €17.00 a month.");
    const posts = await bot.tickTo("2026-12-01T09:00:00Z");
    expect(posts).toContain("New month for the fund: 2 people pledge €17.00 a month. See the fund with !fund.");
    expect(posts.join("\n")).not.toContain("Bo");
    expect(await bot.say("!fund pledge stop", { sender: BO })).toEqual([
      "Your pledge is stopped. Thank you for what you gave.",
    ]);
    expect((await bot.say("!fund"))[0]).toContain("1 person pledges €10.00 a month.");
  });

  it("speaks Spanish, with Spanish command names and Spanish money", async () => {
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!fondo entra 1.234,56 € de @bo", { sender: ANA })).toEqual([
      "Anotado: #1, entran 1.234,56 €. Gracias.",
    ]);
    expect(await bot.say("!fondo sale 100 € para @bo", { sender: ANA })).toEqual([
      "Pago #2 de 100,00 € propuesto. Vale cuando otra persona lo apruebe: !fondo aprobar 2\nSi nadie lo aprueba en 14 días, caduca. Para retirarlo: !fondo anular 2",
    ]);
    expect((await bot.say("!fondo"))[0]).toContain("La caja tiene **1.234,56 €**.".replace(/\*\*/g, ""));
  });
});
