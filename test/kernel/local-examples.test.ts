import { createTestBot, MOD, type TestBot } from "../support/test-bot.js";

describe("a Spanish room", () => {
  let bot: TestBot;
  const say = async (text: string) => (await bot.say(text, { sender: MOD })).join("\n");
  beforeEach(async () => {
    bot = createTestBot();
    await say("!settings language es");
  });
  afterEach(() => bot.close());

  it("shows help's examples as written in Spanish, with the Spanish names", async () => {
    const ledger = await say("!ayuda ledger thanks");
    expect(ledger).toContain("• !registro gracias @ana cocinó 40 comidas");
    expect(ledger).not.toContain("cooked");
    expect(await say("!ayuda careplan join")).toContain("• !plan 3 unirme");
    expect(await say("!ayuda decision show")).toContain("• !decisión 12");
  });

  it("gives the usage error's example in Spanish", async () => {
    expect(await say("!ledger deshacer")).toContain("Por ejemplo: !registro deshacer 12");
    expect(await say("!registro 12 corregir")).not.toContain("cooked");
  });

  it("lists commands without a bare # and points at Spanish topics", async () => {
    const overview = await say("!ayuda");
    expect(overview).toContain("!plan <plan> unirme");
    expect(overview).not.toMatch(/!\S+ # /);
    expect(overview).toContain("!ayuda registro");
    expect(overview).toContain("!ayuda deshacer");
    expect(await say("!ayuda registro")).toContain("!registro gracias");
    expect(await say("!ayuda registro gracias")).toContain("!registro gracias <@persona…> <lo que hizo>");
    const join = await say("!ayuda plan 3 unirme");
    expect(join).toContain("!plan <plan> unirme — ");
    expect(join).not.toContain("#");
  });

  it("suggests the room's own names for a slip", async () => {
    const fund = await say("!fond");
    expect(fund).toContain("!fondo");
    expect(fund).not.toContain("!fund");
    expect(await say("!propone")).toContain("!proponer");
    expect(await say("!habilidad pas")).toContain("!habilidad paso");
  });

  it("takes the verbs a Spanish speaker tries first, in every family alike", async () => {
    expect(await say("!carta iniciar")).toContain("Nuestra carta");
    expect(await say("!carta empezar")).toContain("Esta sala ya tiene carta");
    await say("!plan piquete el lunes a las 7:00");
    expect(await say("!plan 1 sumarme")).toContain("llevas el cuidado del plan #1");
    expect(await say("!plan 1 salirme")).not.toContain("No conozco");
    expect(await say("!rotacion historial facilitación")).not.toContain("No conozco");
  });

  it("writes choices, care acts and Tandem's own role names in Spanish, and understands the English ones too", async () => {
    expect(await say("!ayuda ritmo")).toContain("!ritmo [intenso|calma]");
    const plan = await say("!plan piquete el lunes a las 7:00");
    expect(plan).toMatch(
      /!plan 1 cuidado (viajes|cocina|peques|reparaciones|despensa|colada|descanso|deberes|mayores)/,
    );
    expect(plan).not.toMatch(/!plan 1 cuidado (hospital-rides|kitchen|childcare|repair-clinic|pantry)/);
    expect(await say("!plan 1 cuidado childcare")).toContain("cuidado de peques");
    const fund = await say("!fondo");
    expect(fund).toContain("Nadie tiene el rol tesorería");
    expect(fund).toContain("!fondo entra 50 € de @ana");
    await say("!rol añadir tesorería");
    await say("!rol unirme treasurer");
    expect(await say("!fondo")).toContain("La caja la lleva Mo");
  });
});

describe("an English room", () => {
  it("keeps its English names, examples and words", async () => {
    const bot = createTestBot();
    try {
      const [overview] = await bot.say("!help");
      expect(overview).toContain("!careplan join");
      expect(overview).toContain("!help ledger");
      expect(overview).toContain("!help undo");
      const [slip] = await bot.say("!skill pas");
      expect(slip).toContain("!skill pass");
      expect((await bot.say("!decisio"))[0]).not.toContain("decisiones");
      const [fund] = await bot.say("!fund");
      expect(fund).toContain("Nobody holds the treasurer role");
    } finally {
      bot.close();
    }
  });
});
