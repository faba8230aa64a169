import { features } from "../../commands/index.js";
import { commandsOf, doc, Level, p, UserError } from "../../src/kernel/authoring.js";
import { defineFeature } from "../../src/kernel/feature.js";
import type { Db } from "../../src/platform/db.js";
import { ALICE, createTestBot, MOD, type TestBot } from "../support/test-bot.js";

/** `run` says what went wrong; the words of an amount or a date are chosen when the refusal is shown. */
const command = commandsOf<Db>();
const seen: string[] = [];
const refusing = defineFeature<Db>({
  name: "refusing",
  services: (db) => db,
  commands: [
    command({
      name: "refuse",
      group: "help",
      summary: "help.summary",
      examples: { en: ["refuse"], es: ["refuse"] },
      level: Level.Member,
      params: {},
      run: () => {
        throw new UserError("fund.not_enough", {
          amount: (view) => {
            seen.push(view.t.lang);
            return view.t.lang === "es" ? "50,00 €" : "€50.00";
          },
          show: "!fund",
        });
      },
      render: () => doc(p("never")),
    }),
  ],
  texts: { en: {}, es: {} },
});

describe("an error's words are chosen when it is shown", () => {
  let bot: TestBot;
  beforeEach(() => {
    seen.length = 0;
    bot = createTestBot({ features: [...features, refusing] });
  });
  afterEach(() => bot.close());

  it("a deferred parameter is written once, with the room's view", async () => {
    expect(await bot.say("!refuse")).toEqual([
      "The fund doesn't hold €50.00 in that currency. See the balance with !fund.",
    ]);
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!refuse")).toEqual(["La caja no tiene 50,00 € en esa moneda. Mira el saldo con !fund."]);
    expect(seen).toEqual(["en", "es"]);
  });

  it("the fund's refusals write amounts in the room's language", async () => {
    await bot.say("!settings language es", { sender: MOD });
    await bot.say("!fondo entra 10 € de @ana", { sender: MOD });
    const [refused] = await bot.say("!fondo sale 1.234,50 € a @bo alquiler", { sender: MOD });
    expect(refused).toMatch(/^La caja no tiene 1\.234,50 €/);
  });

  it("the fund's refusals name the keeper's role and repeat a payout in the room's words", async () => {
    await bot.say("!settings language es", { sender: MOD });
    expect(await bot.say("!fondo sale 5 € a @bo taxi", { sender: ALICE })).toEqual([
      "Mientras nadie tenga el rol tesorería, solo una moderadora puede hacer esto.",
    ]);
    await bot.say("!fondo entra 2.000 € de @ana", { sender: MOD });
    await bot.say("!fondo sale 1.234,50 € a @bo alquiler", { sender: MOD });
    // Two weeks without a second signature: the payout expires, and approving it names how to propose it again.
    await bot.tickTo("2026-12-08T10:00:00Z");
    const [refused] = await bot.say("!fondo aprobar 2", { sender: MOD });
    expect(refused).toMatch(/Propónlo de nuevo con !fondo sale 1\.234,50 € alquiler\.$/);
  });

  it("a statement names its month in the room's language", async () => {
    await bot.say("!settings language es", { sender: MOD });
    await bot.say("!fondo entra 10 € de @ana", { sender: MOD });
    const [statement] = await bot.say("!fondo extracto", { sender: MOD });
    expect(statement).toContain("Extracto de la caja, noviembre 2026:");
  });
});
