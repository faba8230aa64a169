import { createTestBot, MOD, type TestBot } from "../../support/test-bot.js";

const NEW = "@newcomer:test.org";

describe("a welcome for someone new", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot(); // 2026-11-24 10:00 UTC, Europe/Madrid
  });
  afterEach(() => bot.close());

  it("stays silent until the cell turns it on", async () => {
    expect(await bot.say("!settings welcome", { sender: MOD })).toEqual([
      expect.stringContaining("I don't welcome newcomers in this room yet. To start: !settings welcome on."),
    ]);
    expect(await bot.join(NEW, "Noa")).toEqual([]);
  });

  it("greets a newcomer with who to ask, the charter's opening, how to start and the next meeting", async () => {
    expect(await bot.say("!settings welcome on", { sender: MOD })).toEqual([
      expect.stringMatching(
        /^When someone joins this room, I'll welcome them\. To stop: !settings welcome off\.\nA newcomer reads this/,
      ),
    ]);
    await bot.say("!charter start", { sender: MOD });
    await bot.say("!meeting thursday 19:00", { sender: MOD });
    const [welcome] = await bot.join(NEW, "Noa");
    expect(welcome).toMatch(
      /^Welcome, Noa!\nThis is our cell's room\. .*\nIf anything is unclear, ask Mo\.\nOur charter begins with .+: .+\nTo see what I can do, type !help\.\nThe next meeting: Thursday 26 Nov, 19:00\.$/,
    );
    const message = bot.transport.sent.at(-1)!;
    expect(message.kind).toBe("notice");
    expect(await bot.join(NEW, "Noa B.")).toEqual([]); // a new display name is no new person
  });

  it("greets once for a join delivered twice", async () => {
    await bot.say("!settings welcome on", { sender: MOD });
    const join = {
      eventId: "$join-noa",
      roomId: "!cell:test.org",
      userId: NEW,
      displayName: "Noa",
      sentAt: bot.clock.now,
    };
    expect(bot.dispatcher.handleJoin(join)).toBe("handled");
    expect(bot.dispatcher.handleJoin(join)).toBe("duplicate");
    await bot.sender.drain();
    expect(bot.transport.sent.filter((m) => m.key.startsWith("$join-noa"))).toHaveLength(1);
  });

  it("uses the cell's own words, and mine again on `default`", async () => {
    await bot.say("!settings welcome on", { sender: MOD });
    expect(
      await bot.say("!settings welcome text Welcome! We meet on Thursdays; ask anything, nobody minds.", {
        sender: MOD,
      }),
    ).toEqual(["The welcome now uses your words. See it with !settings welcome."]);
    const [welcome] = await bot.join(NEW, "Noa");
    expect(welcome).toBe(
      "Welcome, Noa!\nWelcome! We meet on Thursdays; ask anything, nobody minds.\nIf anything is unclear, ask Mo.\nTo see what I can do, type !help.",
    );
    await bot.say("!settings welcome text default", { sender: MOD });
    const [again] = await bot.join("@other:test.org");
    expect(again).toContain("This is our cell's room.");
  });

  it("is for moderators, explains a word it cannot read, and never greets bots", async () => {
    expect(await bot.say("!settings welcome on")).toEqual([expect.stringContaining("moderator")]);
    expect(await bot.say("!settings welcome maybe", { sender: MOD })).toEqual([
      "I couldn't read “maybe”. Type !settings welcome on or !settings welcome off.",
    ]);
    const [usage] = await bot.say("!settings welcome text", { sender: MOD });
    expect(usage).toMatch(/^Something is missing: text\.\nType it like this: !settings welcome text <text>/);
    expect(await bot.say("!settings welcome text tell them hi", { sender: MOD })).toEqual([
      "The welcome now uses your words. See it with !settings welcome.\nIt is off for now: turn it on with !settings welcome on.",
    ]);
    await bot.say("!settings welcome on", { sender: MOD });
    bot.transport.selfId = "@tandem:test.org";
    expect(await bot.join("@tandem:test.org", "Tandem")).toEqual([]);
    expect(await bot.say("!settings welcome off", { sender: MOD })).toEqual([
      "I won't welcome newcomers here any more. To start again: !settings welcome on.",
    ]);
    expect(await bot.join(NEW, "Noa")).toEqual([]);
  });

  it("speaks Spanish", async () => {
    await bot.say("!ajustes idioma es", { sender: MOD });
    expect(await bot.say("!ajustes bienvenida activar", { sender: MOD })).toEqual([
      expect.stringContaining("Cuando alguien entre en esta sala, le daré la bienvenida."),
    ]);
    const [welcome] = await bot.join(NEW, "Noa");
    expect(welcome).toContain("¡Bienvenida, bienvenido, Noa!");
    expect(welcome).toContain("Para ver lo que sé hacer, escribe !ayuda.");
  });

  it("keeps no newcomer's name; forget and wipe reach the cell's text", async () => {
    await bot.say("!settings welcome on", { sender: MOD });
    await bot.say("!settings welcome text Ask Alice about the rota.", { sender: MOD });
    await bot.join(NEW, "Noa");
    const stored = () => bot.db.prepare("SELECT text FROM room_welcome").pluck().all();
    expect(JSON.stringify(bot.db.prepare("SELECT * FROM room_welcome").all())).not.toContain("Noa");
    await bot.say("!forget @alice", { sender: MOD });
    await bot.say("!forget @alice confirm", { sender: MOD });
    expect(stored()).toEqual(["Ask someone about the rota."]);
    await bot.say("!cell wipe", { sender: MOD });
    await bot.say("!cell wipe confirm", { sender: MOD });
    expect(stored()).toEqual([]);
    expect(await bot.join("@late:test.org", "Late")).toEqual([]);
  });
});
