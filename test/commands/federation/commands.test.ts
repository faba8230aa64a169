import { renderPlain } from "../../../src/kernel/render-plain.js";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const CELL_B = "!other:test.org";
const HALL = "!hall:test.org";
const [ANA, BO, CY, DEE] = ["@ana:test.org", "@bo:test.org", "@cy:test.org", "@dee:test.org"];

describe("federation of cells", () => {
  let bot: TestBot;
  const at = (roomId: string) => ({ roomId, sender: MOD });
  const codeIn = (reply: string | undefined) => /Join code: (\S+)/.exec(reply ?? "")?.[1] ?? "";

  beforeEach(() => {
    bot = createTestBot();
    for (const [id, name] of [
      [ANA, "Ana"],
      [BO, "Bo"],
      [CY, "Cy"],
    ] as const)
      bot.transport.join(ROOM, id, name);
    bot.transport.join(CELL_B, MOD, "Mo", 50);
    bot.transport.join(CELL_B, DEE, "Dee");
    bot.transport.join(HALL, MOD, "Mo", 50);
  });
  afterEach(() => bot.close());

  async function linkTwoCells(): Promise<void> {
    await bot.say("!assembly start Care workers north", at(HALL));
    await bot.say(`!federate ${codeIn((await bot.say("!assembly invite", at(HALL)))[0])} as Riverside`, at(ROOM));
    await bot.say(`!federate ${codeIn((await bot.say("!assembly invite", at(HALL)))[0])} as Hilltop`, at(CELL_B));
  }

  it("cleans an assembly's name like any text that crosses: every cell reads it", async () => {
    expect(await bot.say("!assembly start Care north #hall:test.org", at(HALL))).toEqual([
      "Leave out room addresses: they would tell the assembly which room this is.",
    ]);
    expect(await bot.say("!assembly start Care north, see care.example/join or @mo", at(HALL))).toEqual([
      "This room is now the assembly Care north, see [link] or someone. Give a cell its join code with !assembly invite. Only totals will ever arrive here, never names or texts.",
    ]);
  });

  it("makes an assembly, links a cell with a one-time code under a pseudonym, and shows the link", async () => {
    expect(await bot.say("!assembly start Care workers north", at(HALL))).toEqual([
      "This room is now the assembly Care workers north. Give a cell its join code with !assembly invite. Only totals will ever arrive here, never names or texts.",
    ]);
    const [invite] = await bot.say("!assembly invite", at(HALL));
    expect(invite).toMatch(
      /^Join code: \S+\/!hall:test\.org\nValid for 24 hours, once\. In the cell's room a moderator types !federate \S+ as Riverside\nIf the cell is served by another Tandem, first invite that bot's account to this room\.$/,
    );
    const code = codeIn(invite);
    expect(await bot.say(`!federate ${code} as Cell`, at(ROOM))).toEqual([
      "Pick a pseudonym that does not give away this room: not its name or address.",
    ]);
    expect(await bot.say(`!federate ${code} as 612 345 678`, at(ROOM))).toEqual([
      expect.stringMatching(/^A pseudonym is 2 to 40 letters/),
    ]);
    expect(await bot.say(`!federate ${code} as Riverside`, { roomId: ROOM, sender: ANA })).toEqual([
      expect.stringMatching(/moderator/i),
    ]);
    expect(await bot.say(`!federate ${code} as Riverside`, at(ROOM))).toEqual([
      "A cell joined the assembly: Riverside. 1 cell now.",
      "This cell is linked to the assembly Care workers north as Riverside. Nothing is sent until you have seen it: !federation preview",
    ]);
    expect(await bot.say(`!federate ${code} as Hilltop`, at(CELL_B))).toEqual([
      "That code was used already. Ask the assembly for a new one.",
    ]);
    const [later] = await bot.say("!assembly invite", at(HALL));
    bot.clock.now += 25 * 3_600_000;
    expect(await bot.say(`!federate ${codeIn(later)} as Hilltop`, at(CELL_B))).toEqual([
      "That code is older than 24 hours. Ask the assembly for a new one.",
    ]);
    const [status] = await bot.say("!federation", { roomId: ROOM, sender: ANA });
    expect(status).toContain("This cell is linked to the assembly Care workers north as Riverside.");
    expect(status).toContain("Cells in this assembly: Riverside");
    expect(status).toContain("Host this month: Riverside");
  });

  it("sends only aggregates, hides small numbers, and only after the cell saw its preview", async () => {
    await linkTwoCells();
    await bot.say("!ledger thanks @ana @bo @cy cooked 40 meals for the Okafor family #food", {
      roomId: ROOM,
      sender: ANA,
    });
    await bot.say("!ledger thanks @bo 3h childcare for little Nuria", { roomId: ROOM, sender: ANA });
    await bot.say("!decision We picket the Ferrand depot on Friday", { roomId: ROOM, sender: BO });
    await bot.say("!ledger thanks @dee fixed the boiler at Calle Mayor 5 #repair", { roomId: CELL_B, sender: MOD });

    const [before] = await bot.say("!assembly report", at(HALL));
    expect(before).toContain("No cell sends figures yet.");
    expect(before).toContain("Still looking at their preview: Riverside, Hilltop");

    const [preview] = await bot.say("!federation preview", at(ROOM));
    expect(preview).toContain("What Riverside would send to Care workers north for November 2026");
    expect(preview).toContain("food: 40 meals (3 givers)");
    expect(preview).toContain("childcare: from fewer than 3 givers");
    expect(preview).toContain("givers: 3 · care plans carried: fewer than 3 · decisions taken: fewer than 3");
    await bot.say("!federation preview", at(CELL_B));

    const [report] = await bot.say("!assembly report", at(HALL));
    expect(report).toContain("Riverside — givers: 3");
    expect(report).toContain("Hilltop — givers: fewer than 3");
    expect(report).toContain("repair: from fewer than 3 givers");
    // The total adds what the cells showed: Hilltop's single giver stays hidden in it too.
    expect(report).toContain("All cells together — givers: 3");

    await bot.say("!federation pause", at(CELL_B));
    const [paused] = await bot.say("!assembly report", at(HALL));
    expect(paused).not.toContain("Hilltop —");
    expect(paused).toContain("1 cell has paused sending.");
  });

  it("never lets a name, user id, room id or entry text reach the assembly room", async () => {
    await linkTwoCells();
    const texts = [
      "cooked 40 meals for the Okafor family",
      "3h childcare for little Nuria",
      "We picket the Ferrand depot on Friday",
      "fixed the boiler at Calle Mayor 5",
    ];
    await bot.say(`!ledger thanks @ana @bo @cy ${texts[0]} #food`, { roomId: ROOM, sender: ANA });
    await bot.say(`!ledger thanks @bo ${texts[1]}`, { roomId: ROOM, sender: ANA });
    await bot.say(`!decision ${texts[2]}`, { roomId: ROOM, sender: BO });
    await bot.say(`!ledger thanks @dee ${texts[3]} #repair`, { roomId: CELL_B, sender: MOD });
    await bot.say("!federation preview", at(ROOM));
    await bot.say("!federation preview", at(CELL_B));
    await bot.say("!assembly report", at(HALL));
    await bot.tickTo("2026-12-01T09:00:00+01:00");
    const toHall = bot.transport.sent
      .filter((m) => m.roomId === HALL)
      .map((m) => renderPlain(m.doc) + JSON.stringify(m.doc));
    expect(toHall.some((t) => t.includes("shared figures for November 2026"))).toBe(true);
    const secrets = [
      ANA,
      BO,
      CY,
      DEE,
      MOD,
      "Ana",
      "Bo ",
      "Cy",
      "Dee",
      "Mo ",
      ROOM,
      CELL_B,
      "Okafor",
      "Nuria",
      "Ferrand",
      "Calle Mayor",
      ...texts,
    ];
    for (const text of toHall)
      for (const secret of secrets) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
  });

  it("posts last month's report on the 1st and rotates the host, alternating sectors", async () => {
    await linkTwoCells();
    const CELL_C = "!third:test.org";
    bot.transport.join(CELL_C, MOD, "Mo", 50);
    await bot.say(`!federate ${codeIn((await bot.say("!assembly invite", at(HALL)))[0])} as Lakeside`, at(CELL_C));
    expect(await bot.say("!cell sector health", at(ROOM))).toEqual([
      "This cell's sector is health. The host rotation alternates sectors where it can.",
    ]);
    await bot.say("!cell sector health", at(CELL_B));
    await bot.say("!cell sector logistics", at(CELL_C));
    expect((await bot.say("!schedule", at(HALL)))[0]).toContain(
      "the assembly's monthly report of shared figures, and the next host cell (repeats)",
    );
    const inHall = (from: number) =>
      bot.transport.sent
        .slice(from)
        .filter((m) => m.roomId === HALL)
        .map((m) => renderPlain(m.doc));
    let before = bot.transport.sent.length;
    await bot.tickTo("2026-12-01T09:00:00+01:00");
    expect(inHall(before)).toEqual([expect.stringContaining("Host cell from now on: Lakeside")]);
    // Every cell hears who hosts next, in its own room.
    for (const cell of [ROOM, CELL_B, CELL_C]) {
      expect(
        bot.transport.sent
          .slice(before)
          .filter((m) => m.roomId === cell)
          .map((m) => renderPlain(m.doc)),
      ).toEqual(["The assembly Care workers north is hosted next by Lakeside."]);
    }
    before = bot.transport.sent.length;
    await bot.tickTo("2027-01-01T09:00:00+01:00");
    const january = inHall(before);
    expect(january).toEqual([expect.stringContaining("Host cell from now on: Hilltop")]);
    expect(january[0]).toContain("shared figures for December 2026");
  });

  it("leaves, and speaks Spanish", async () => {
    await linkTwoCells();
    expect(await bot.say("!federation leave", at(CELL_B))).toEqual([
      "Hilltop left the assembly.",
      "This cell left the assembly Care workers north. Nothing more is sent.",
    ]);
    expect(await bot.say("!federation", at(CELL_B))).toEqual([
      "This cell is not linked to any assembly. A moderator can link it with !federate CODE as Riverside.",
    ]);
    await bot.say("!settings language es", at(CELL_B));
    expect(await bot.say("!federación", at(CELL_B))).toEqual([
      "Esta célula no está enlazada a ninguna asamblea. Una moderadora puede enlazarla con !federar CÓDIGO como Ribera.",
    ]);
    await bot.say("!settings language es", at(HALL));
    expect(await bot.say("!asamblea invitar", at(HALL))).toEqual([
      expect.stringMatching(
        /^Código: \S+\nVale 24 horas, una sola vez\. En la sala de la célula, una moderadora escribe !federar \S+ como Ribera\nSi la célula/,
      ),
    ]);
  });
});
