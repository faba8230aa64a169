/**
 * The guarantee of forgetting, over the whole database: a marker person is written down through
 * every feature's commands, forgotten, and then no text column of any table (found from
 * sqlite_master, so a table added tomorrow is read too) and no byte of the database files holds
 * any form of her name or id. Every table must be claimed by a forget part.
 */
import { renderPlain } from "../../../src/kernel/render-plain.js";
import { existsSync, readFileSync } from "node:fs";
import { features } from "../../../commands/index.js";
import { kernelRoomData } from "../../../src/kernel/kernel-room-data.js";
import { forgetKey } from "../../../src/kernel/text-hygiene.js";
import { consoleRoomData } from "../../../src/transport/console/people.js";
import { matrixRoomData } from "../../../src/transport/matrix/room-data.js";
import { createTestBot, ALICE, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

/** A Matrix member: her id, her localpart and her display name must all go. */
const ZOE = "@zyxmarker:test.org";
const ZOE_NAME = "Zoë Quintanilla";
/** Someone not on Matrix, typed by different people in different ways. */
const TYPED = ["Ximénez", "XIMÉNEZ", "ximenez", "Ximenez"];
/** Every form, as forget keys: what no text may still contain, whatever its case or accents. */
const KEYS = ["zyxmarker", "quintanilla", "ximenez"];

const HILLTOP = "!other:test.org";
const HALL = "!hall:test.org";
const DEE = "@dee:test.org";
const ZOE_DM = "!dm-zoe:test.org";

type Hit = { table: string; column: string };

/** Every text column of every table, found from the schema itself. */
function textColumns(bot: TestBot): Hit[] {
  const tables = bot.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables.flatMap((table) =>
    (bot.db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as { name: string; type: string }[])
      // Typeless and BLOB columns may hold text too (SQLite stores what it is given).
      .filter((c) => !/INT|REAL|NUM/i.test(c.type))
      .map((c) => ({ table, column: c.name })),
  );
}

/** The columns where a form of the marker still stands. */
function sweep(bot: TestBot): string[] {
  const hits: string[] = [];
  for (const { table, column } of textColumns(bot)) {
    const values = bot.db
      .prepare(`SELECT "${column}" FROM "${table}" WHERE "${column}" IS NOT NULL`)
      .pluck()
      .all() as unknown[];
    for (const value of values) {
      const text = Buffer.isBuffer(value) ? value.toString("utf8") : String(value);
      const key = forgetKey(text);
      if (KEYS.some((k) => key.includes(k))) hits.push(`${table}.${column}`);
    }
  }
  return [...new Set(hits)].sort();
}

/** Every form of the marker as bytes, in each Unicode normal form the database may have kept. */
function byteForms(): Buffer[] {
  const forms = [ZOE, "zyxmarker", ZOE_NAME, "Quintanilla", ...TYPED, "ximénez"];
  return [...new Set(forms.flatMap((f) => [f, f.normalize("NFD"), f.toLowerCase(), f.toUpperCase()]))].map((f) =>
    Buffer.from(f, "utf8"),
  );
}

function onDisk(bot: TestBot): string[] {
  const files = [bot.path, `${bot.path}-wal`, `${bot.path}-shm`].filter((file) => existsSync(file));
  return files.flatMap((file) => {
    const bytes = readFileSync(file);
    return byteForms()
      .filter((form) => bytes.includes(form))
      .map((form) => `${file.slice(bot.path.length) || "db"}: ${form.toString("utf8")}`);
  });
}

describe("privacy: forgetting leaves no form of a person anywhere in the database", () => {
  let bot: TestBot;
  const at = (roomId: string, sender = MOD) => ({ roomId, sender });
  /** Says a line and checks that it was understood: a seed that failed would make the sweep prove nothing. */
  const seed = async (text: string, options: { roomId?: string; sender?: string } = {}) => {
    const replies = await bot.say(text, options);
    expect([text, replies.join("\n")]).not.toEqual([
      text,
      expect.stringMatching(
        /^(Sorry|Only |Did you mean|You can add or remove only|This cell is not linked|Pick a|This is a secret ballot)/im,
      ),
    ]);
    return replies;
  };

  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join(ROOM, ZOE, ZOE_NAME);
    bot.transport.join(ZOE_DM, ZOE);
    bot.transport.directRooms.add(ZOE_DM);
    bot.transport.join(HILLTOP, MOD, "Mo", 50);
    bot.transport.join(HILLTOP, DEE, "Dee");
    bot.transport.join(HALL, MOD, "Mo", 50);
  });
  afterEach(() => bot.close());

  it("claims every table of the database for one forget part", () => {
    const parts = [...features.flatMap((f) => f.roomData ?? []), kernelRoomData, ...matrixRoomData, consoleRoomData];
    const claimed = parts.flatMap((part) => part.tables);
    const tables = bot.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    expect(tables.filter((t) => !claimed.includes(t))).toEqual([]);
    expect(claimed.filter((t, i) => claimed.indexOf(t) !== i)).toEqual([]);
    expect(claimed.filter((t) => !tables.includes(t))).toEqual([]);
  });

  /** Writes her down through every feature's commands, in her cell, a second cell and their assembly. */
  /** The safety code a room was last shown, as its moderators read it out to the other cell's. */
  const safetyCodeShownIn = (room: string) =>
    bot.transport.sent
      .filter((m) => m.roomId === room)
      .map((m) => renderPlain(m.doc))
      .join("\n")
      .match(/\d{4}(?: \d{4}){5}/g)
      ?.at(-1) ?? "";

  async function seedEverywhere(): Promise<void> {
    // Federation: an assembly with two cells, so posts, stories and contacts cross.
    await seed("!assembly start Care workers north", at(HALL));
    for (const [room, pseudonym] of [
      [ROOM, "Riverside"],
      [HILLTOP, "Hilltop"],
    ] as const) {
      const code = /Join code: (\S+)/.exec((await seed("!assembly invite", at(HALL)))[0] ?? "")?.[1];
      await seed(`!federate ${code} as ${pseudonym}`, at(room));
    }

    // Ledger: she gives, records and is named; the typed person in several spellings.
    await seed("!ledger thanks @zyxmarker cooked 40 meals");
    await seed(`!ledger thanks @alice fixed bikes with ${ZOE_NAME}`, at(ROOM, ZOE));
    await seed("!ledger thanks @Ximénez drove 3 nurses");
    await seed("!ledger thanks @XIMÉNEZ minded the kids of @zyxmarker", at(ROOM, MOD));
    await seed("!ledger thanks @alice minded ximenez's kid");
    await seed("!ledger fix 1 cooked 45 meals with Ximénez", at(ROOM, MOD));

    // Roles: a place, an absence, a past term; the typed person holds one too.
    await seed("!role add treasurer", at(ROOM));
    await seed("!role join treasurer", at(ROOM, ALICE));
    await seed("!role add driver", at(ROOM));
    await seed("!role join driver", at(ROOM, ZOE));
    await seed("!role join driver @Ximenez", at(ROOM));
    await seed("!rotation skip driver", at(ROOM));
    await seed("!away until 2026-12-20", at(ROOM, ZOE));

    // Fund: money from and to both of them, a pledge, a request in a direct message.
    await seed("!fund in €20 from @Ximénez", at(ROOM, ALICE));
    await seed(`!fund in €30 from @zyxmarker dues of ${ZOE_NAME}`, at(ROOM, ALICE));
    await seed("!fund out €5 to @XIMÉNEZ bus for ximenez", at(ROOM, ALICE));
    await seed("!fund approve 3", at(ROOM, MOD));
    await seed("!fund pledge €10 monthly", at(ROOM, ZOE));
    const code = /Fund code: ([A-Z2-9]{5})/.exec((await seed("!fund"))[0] ?? "")?.[1];
    await seed(`!fund ask ${code} €200 rent for Ximénez`, at(ZOE_DM, ZOE));

    // Care plans: she makes one, volunteers, adds a care act; the plan names the typed person.
    await seed("!careplan drive Ximénez to the clinic at monday 7:00", at(ROOM, ZOE));
    await seed("!careplan 1 join", at(ROOM, ZOE));
    await seed("!careplan catalog add soup from zyxmarker", at(ROOM, ZOE));

    // Decisions: recorded, fixed and revoked by her, naming both.
    await seed("!decision Ximénez keeps the keys", at(ROOM, ZOE));
    await seed("!decision 1 fix XIMÉNEZ keeps the keys and the van", at(ROOM, ZOE));
    await seed(`!decision 1 revoke ${ZOE_NAME} moved away`, at(ROOM, ZOE));

    // Proposals and votes.
    await seed("!propose We thank Ximénez for the van", at(ROOM, ZOE));
    await seed("!vote 1 agree", at(ROOM, ZOE));

    // Charter: a note by her, naming the typed person.
    await seed("!charter start", at(ROOM));
    await seed("!charter note 1 ask Ximénez who keeps the keys", at(ROOM, ZOE));
    await seed("!charter amend 5 Ximénez keeps what is said here", at(ROOM, ZOE));
    await seed("!charter add Archive: zyxmarker keeps the archive", at(ROOM));
    // The two charter proposals (#2, #3) pass, so the articles change.
    for (const proposal of [2, 3]) {
      for (const voter of [ALICE, MOD, ZOE]) await seed(`!vote ${proposal} agree`, at(ROOM, voter));
      await seed(`!propose ${proposal} close`, at(ROOM));
    }
    // A secret ballot (#4): only that she voted is kept, never her choice.
    const ballot = /!vote (\S+) agree/.exec(
      (await seed("!propose secret Ximénez leads the picket", at(ROOM)))[0] ?? "",
    )?.[1];
    await seed(`!vote ${ballot} agree`, at(ZOE_DM, ZOE));

    // Circles and skills.
    await seed("!circle weekly tuesday 19:00", at(ROOM));
    await seed("!circle join", at(ROOM, ZOE));
    await seed("!skill add first aid", at(ROOM, ZOE));
    await seed("!skill want negotiation", at(ROOM, ZOE));
    await seed("!skill add @Ximénez welding", at(ROOM));
    await seed("!skill add swimming lessons like zyxmarker gives", at(ROOM, ALICE));

    // Lessons and meetings.
    await seed("!lesson Ximénez was right about the doors #ximenez", at(ROOM, ZOE));
    await seed("!decision We lend the van to Zoë Quintanilla #zyxmarker", at(ROOM, ZOE));
    await seed("!meeting weekly thursday 19:00", at(ROOM));

    // Federation board: a need naming the typed person, a contact that is her, a story.
    await seed("!need rides for Ximénez to the clinic", at(ROOM, ZOE));
    await seed("!offer a van like the one Ximénez drives", at(HILLTOP, DEE));
    await seed("!answer need 1", at(HILLTOP));
    // Contacts cross only once both cells compared their safety code.
    for (const room of [ROOM, HILLTOP]) await seed(`!contact verify 1 ${safetyCodeShownIn(room)}`, at(room));
    await seed("!contact 1 @zyxmarker", at(ROOM));
    await seed("!contact 1 @dee", at(HILLTOP));
    await seed("!story share The night shift covered for Ximénez all week", at(ROOM, ZOE));
    await seed("!story 1 approve", at(ROOM));
  }

  it("seeds her through every feature, forgets her, and finds her in no text column and no byte on disk", async () => {
    await seedEverywhere();
    const seeded = sweep(bot);
    // The seeds landed where each feature keeps people: the sweep below would prove nothing otherwise.
    expect(seeded).toEqual(
      expect.arrayContaining([
        "careplan_volunteers.name",
        "careplans.action",
        "charter_articles.body",
        "charter_notes.text",
        "charter_versions.body",
        "circle_members.user_id",
        "decisions.text",
        "federation_board_matches.contact_user",
        "federation_board_heard.text",
        "federation_board_own_posts.text",
        "federation_board_posts.text",
        "federation_board_stories.text",
        "fund_movements.person",
        "fund_pledges.person",
        "fund_requests.asker",
        "ledger_givers.name",
        "lessons.text",
        "proposal_voters.voter",
        "proposal_votes.voter",
        "proposals.question",
        "rotation_state.state",
        "skills.skill",
        "skills.who",
      ]),
    );

    // Forgotten in her cell and, since each room keeps its own memory, in the other two by their moderator.
    for (const [room, who] of [
      [ROOM, "@zyxmarker"],
      [ROOM, "@Ximénez"],
      [HILLTOP, ZOE],
      [HILLTOP, "@Ximénez"],
      [HALL, ZOE],
      [HALL, "@Ximénez"],
    ] as const) {
      await bot.say(`!forget ${who} confirm`, at(room));
    }

    expect(sweep(bot)).toEqual([]);
    expect(onDisk(bot)).toEqual([]);
  });

  it("leaves no form of her either once the three rooms are wiped", async () => {
    await seedEverywhere();
    for (const room of [ROOM, HILLTOP, HALL]) await bot.say("!cell wipe confirm", at(room));
    expect(sweep(bot)).toEqual([]);
    expect(onDisk(bot)).toEqual([]);
  });
});
