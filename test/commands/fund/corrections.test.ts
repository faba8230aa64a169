import { MOD, type TestBot } from "../../support/test-bot.js";
import { cellWithTreasurer } from "./cell.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";

describe("the fund: money typed wrong is fixable", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await cellWithTreasurer();
    await bot.say("!fund in €100 from @bo dues", { sender: ANA });
  });
  afterEach(() => bot.close());

  it("lets whoever proposed a payout, or a moderator, withdraw it while it waits", async () => {
    expect((await bot.say("!fund out €30 to @bo rent", { sender: ANA }))[0]).toContain(
      "If nobody approves it within 14 days, it expires. To withdraw it: !fund cancel 2",
    );
    expect(await bot.say("!fund cancel 2", { sender: BO })).toEqual([
      "Only whoever proposed payout #2, or a moderator, can withdraw it.",
    ]);
    expect(await bot.say("!fund cancel 2", { sender: ANA })).toEqual([
      "Payout #2 of €30.00 is cancelled; nothing was paid. It stays in the export, marked cancelled.",
    ]);
    expect(await bot.say("!fund approve 2", { sender: MOD })).toEqual([
      "Payout #2 was cancelled. See the fund with !fund.",
    ]);
    expect(await bot.say("!fund cancel 1", { sender: MOD })).toEqual([
      "#1 is not waiting for approval, so there is nothing to cancel. To take back a movement that took effect: !fund undo 1",
    ]);
    expect(await bot.say("!fund cancel 19", { sender: MOD })).toEqual([
      "There is no movement #19. See the fund with !fund.",
    ]);
    await bot.say("!fund out €10 tea", { sender: ANA });
    expect(await bot.say("!fund cancel 3", { sender: MOD })).toEqual([
      expect.stringContaining("Payout #3 of €10.00 is cancelled"),
    ]);
    const [shown] = await bot.say("!fund");
    expect(shown).toContain("The fund holds €100.00.");
    expect(shown).toContain("#2 payout of €30.00: rent: cancelled");
  });

  it("says a movement that came in is not a payout", async () => {
    expect(await bot.say("!fund approve 1", { sender: MOD })).toEqual([
      "#1 is money that came in, not a payout: there is nothing to approve.",
    ]);
  });

  it("undoes and corrects movements, keeping the originals in the export, and never below zero", async () => {
    expect(await bot.say("!fund fix 1 €50 from @bo May dues", { sender: BO })).toEqual([
      "Only the fund's keeper (the treasurer) or a moderator can decide this.",
    ]);
    expect(await bot.say("!fund fix 1 €50 from @bo May dues", { sender: ANA })).toEqual([
      "#1 now reads €50.00. What it said before stays in the export.",
    ]);
    await bot.say("!fund out €40 printing", { sender: ANA });
    await bot.say("!fund approve 2", { sender: MOD });
    expect(await bot.say("!fund undo 1", { sender: ANA })).toEqual([
      "That would leave the fund €40.00 short: more has gone out than would have come in. Check the balance with !fund.",
    ]);
    expect(await bot.say("!fund fix 1 €30", { sender: ANA })).toEqual([expect.stringContaining("€10.00 short")]);
    expect(await bot.say("!fund undo 2", { sender: ANA })).toEqual([
      "#2 (€40.00 out) is undone: the money counts as held again. It stays in the export, marked undone.",
    ]);
    expect(await bot.say("!fund undo 2", { sender: ANA })).toEqual(["#2 was cancelled, expired or undone already."]);
    expect((await bot.say("!fund"))[0]).toContain("The fund holds €50.00.");
    const [csv] = await bot.say("!fund export");
    expect(csv).toContain(
      "number,date,direction,amount,currency,person,note,support_request,proposed_by,approved_by,status,changed_by",
    );
    expect(csv).toContain(`1,2026-11-24T10:00:00.000Z,in,100.00,EUR,'${BO},dues,,'${ANA},,before_fix,'${ANA}`);
    expect(csv).toContain(`1,2026-11-24T10:00:00.000Z,in,50.00,EUR,'${BO},May dues,,'${ANA},,corrected,'${ANA}`);
    expect(csv).toContain(`2,2026-11-24T10:00:00.000Z,out,40.00,EUR,,printing,,'${ANA},'${MOD},undone,'${ANA}`);
  });

  it("closes a payout nobody approved after two weeks, with a notice in the room, durably", async () => {
    await bot.say("!fund out €30 to @bo rent", { sender: ANA });
    expect(await bot.tickTo("2026-12-01T10:00:00Z")).toEqual([]);
    expect(await bot.tickTo("2026-12-08T10:00:00Z")).toEqual([
      "Payout #2 of €30.00 waited 14 days for a second person and has expired; nothing was paid. To propose it again: !fund out €30.00 rent",
    ]);
    expect(await bot.say("!fund approve 2", { sender: MOD })).toEqual([
      expect.stringMatching(/^Payout #2 expired before a second person approved it\. Propose it again with !fund out/),
    ]);
    await bot.say("!fund out €5 tea", { sender: ANA });
    await bot.say("!fund approve 3", { sender: MOD });
    expect(await bot.tickTo("2026-12-30T10:00:00Z")).toEqual([]);
  });

  it("asks which amount was meant, and names the currencies it knows", async () => {
    expect(await bot.say("!fund in €50.999", { sender: ANA })).toEqual([
      "“€50.999”: did you mean €50,999.00? Type it as €50999, or with two decimals as €50.99.",
    ]);
    const [yen] = await bot.say("!fund in ¥500", { sender: ANA });
    expect(yen).toContain("I don't know that currency. Use €, $, £ or one of these codes: EUR, USD, GBP");
    expect(yen).toContain("JPY");
  });

  it("gives a statement for the month forms !ledger month reads, and for a year", async () => {
    const title = async (line: string) => (await bot.say(line))[0]!.split("\n")[0];
    expect(await title("!fund statement")).toBe("Fund statement, November 2026:");
    expect(await title("!fund statement month")).toBe("Fund statement, November 2026:");
    expect(await title("!fund statement november")).toBe("Fund statement, November 2026:");
    expect(await title("!fund statement 2026-11")).toBe("Fund statement, November 2026:");
    expect(await title("!fund statement month 2026-11")).toBe("Fund statement, November 2026:");
    expect(await title("!fund statement year")).toBe("Fund statement, 2026:");
    expect(await title("!fund statement october")).toBe("Nothing moved in October 2026.");
    expect(await bot.say("!fund statement someday")).toEqual([
      expect.stringContaining("“someday” is not a month I can read."),
    ]);
  });

  it("forgets a person in what movements said before a correction too", async () => {
    await bot.say("!fund fix 1 €90 from @ana thanks @bo", { sender: ANA });
    await bot.say("!forget @bo", { sender: MOD });
    expect((await bot.say("!forget @bo confirm", { sender: MOD }))[0]).toContain("forgotten");
    const rows = JSON.stringify(bot.db.prepare("SELECT * FROM fund_corrections").all());
    expect(rows).not.toContain(BO);
    expect(rows).not.toMatch(/@bo\b/);
  });

  it("speaks Spanish: anular, deshacer, corregir, and the statement of a month by its Spanish name", async () => {
    await bot.say("!settings language es", { sender: MOD });
    await bot.say("!fondo sale 30 € para @bo alquiler", { sender: ANA });
    expect(await bot.say("!fondo anular 2", { sender: ANA })).toEqual([
      "El pago #2 de 30,00 € queda anulado; no se pagó nada. Sigue en la exportación, marcado como anulado.",
    ]);
    expect(await bot.say("!fondo corregir 1 90 € de @bo cuotas", { sender: ANA })).toEqual([
      "#1 ahora dice 90,00 €. Lo que decía antes sigue en la exportación.",
    ]);
    expect(await bot.say("!fondo deshacer 1", { sender: ANA })).toEqual([
      expect.stringMatching(/^#1 \(90,00 € de entrada\) queda deshecho/),
    ]);
    expect(await bot.say("!fondo extracto noviembre")).toEqual(["No se movió nada en noviembre 2026."]);
    expect(await bot.say("!fondo entra 50,999 €", { sender: ANA })).toEqual([
      "«50,999 €»: ¿quisiste decir 50.999,00 €? Escríbelo como `50999 €`, o con dos decimales como `50,99 €`.".replace(
        /`/g,
        "",
      ),
    ]);
  });

  it("writes someone not on Matrix in the export by name, not by the key it is kept under", async () => {
    await bot.say("!fund in €5 from @cy", { sender: ANA });
    const [csv] = await bot.say("!fund export");
    expect(csv).toContain(",in,5.00,EUR,cy,,");
    expect(csv).not.toContain("name:");
  });
});
