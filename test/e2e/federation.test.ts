/**
 * Federation across two Tandems (issue 11), first on the suite's one homeserver, then on two
 * homeservers that federate over 127.0.0.1: Tandem A hosts the assembly and the cell Riverside;
 * Tandem B serves Hilltop and Lakeside. Each has its own account and database. They meet in the encrypted assembly room
 * and speak there only in structured, encrypted events. Killing B in the middle of a report and
 * starting it again gives each cell's figures once.
 */
import { jest } from "@jest/globals";
import { openKeyed } from "../../src/platform/db.js";
import { startFederatedHomeservers, type FederatedHomeservers } from "../support/e2e-federation.js";
import { answeredEvent, answerTo, Bot, newUser, synapse, TestClient } from "../support/e2e.js";
import type { SeenMessage } from "../support/matrix-test-client.js";

jest.setTimeout(480_000);

let servers: Pick<FederatedHomeservers, "one" | "two" | "stop">;
let a: Bot;
let b: Bot;
let moA: TestClient;
let moB: TestClient;

async function setUp(homeservers: () => Promise<Pick<FederatedHomeservers, "one" | "two" | "stop">>): Promise<void> {
  servers = await homeservers();
  const [moAUser, moBUser] = await Promise.all([newUser("mo", false, servers.one), newUser("mo", false, servers.two)]);
  [a, b] = await Promise.all([
    Bot.create({ homeserver: servers.one, allowedInviters: [moAUser.userId] }),
    Bot.create({ homeserver: servers.two, allowedInviters: [moBUser.userId, moAUser.userId] }),
  ]);
  await Promise.all([a.start(), b.start()]);
  [moA, moB] = await Promise.all([TestClient.start(moAUser, servers.one), TestClient.start(moBUser, servers.two)]);
}

async function tearDown(): Promise<void> {
  await Promise.all([moA?.stop(), moB?.stop()]);
  await Promise.all([a?.stop(), b?.stop()]);
  await servers?.stop();
}

const ask = (client: TestClient, bot: Bot, roomId: string, text: string) =>
  client.send(roomId, text).then((id) => answerTo(client, bot, roomId, id));

/** Waits until `client` saw a message in the room from `sender` that `match` accepts. */
async function seen(
  client: TestClient,
  roomId: string,
  sender: string,
  match: (m: SeenMessage) => boolean,
  what: string,
  bot: Bot,
): Promise<SeenMessage> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const found = (await client.messages(roomId, { sender, timeoutMs: 1_000 })).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`never saw ${what}:\n${bot.diagnostics()}`);
  }
}

const bodyKind = (m: SeenMessage) => ((m.content?.body ?? {}) as { kind?: string }).kind;

async function room(owner: TestClient, bot: Bot, name: string): Promise<string> {
  const roomId = await owner.createRoom({ name, encrypted: true, invite: [bot.userId] });
  await owner.waitMembership(roomId, bot.userId, "join", 90_000);
  return roomId;
}

function bringMonthlyReportForward(hall: string): void {
  const db = openKeyed(a.dbPath, a.dbKey, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("UPDATE jobs SET next_run_utc = ? WHERE room_id = ? AND kind = 'federation.report'").run(
      Date.now() - 1_000,
      hall,
    );
  } finally {
    db.close();
  }
}

/** The suite's one homeserver for both Tandems, and a pair of homeservers federating over 127.0.0.1. */
const layouts = [
  ["on one homeserver", async () => ({ one: synapse(), two: synapse(), stop: async () => undefined })],
  ["on two homeservers", startFederatedHomeservers],
] as const;

describe.each(layouts)("an assembly of cells served by two Tandems %s", (_name, homeservers) => {
  beforeAll(() => setUp(homeservers));
  afterAll(tearDown);

  it("links cells across Tandems, gathers reports from both, counts each cell once across a crash, and lets no name cross", async () => {
    const hall = await room(moA, a, "assembly");
    const riverside = await room(moA, a, "cell a");
    const [hilltop, lakeside] = await Promise.all([room(moB, b, "cell b1"), room(moB, b, "cell b2")]);

    expect(await ask(moA, a, hall, "!assembly start Care workers north")).toContain(
      "now the assembly Care workers north",
    );
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push(/Join code: (\S+)/.exec(await ask(moA, a, hall, "!assembly invite"))![1]!);
    expect(await ask(moA, a, riverside, `!federate ${codes[0]} as Riverside`)).toContain(
      "This cell is linked to the assembly Care workers north as Riverside",
    );

    // B is not in the assembly's room yet: the join waits until the assembly's moderator invites B.
    expect(await ask(moB, b, hilltop, `!federate ${codes[1]} as Hilltop`)).toContain(
      "Its moderators need to invite this bot's account into the assembly's room",
    );
    await moA.call("invite", { roomId: hall, userId: b.userId });
    await moA.waitMembership(hall, b.userId, "join", 90_000);
    expect(await ask(moB, b, lakeside, `!federate ${codes[2]} as Lakeside`)).toContain(
      "Asked the assembly to link this cell as Lakeside",
    );
    for (const [roomId, pseudonym] of [
      [hilltop, "Hilltop"],
      [lakeside, "Lakeside"],
    ] as const) {
      await seen(
        moB,
        roomId,
        b.userId,
        (m) =>
          m.body ===
          `This cell is linked to the assembly Care workers north as ${pseudonym}. Nothing is sent until you have seen it: !federation preview`,
        `${pseudonym} welcomed`,
        b,
      );
    }

    await ask(moA, a, riverside, "!ledger thanks @Ana @Boris @Cy cooked 40 meals for the Okafor family #food");
    await ask(moB, b, hilltop, "!ledger thanks @Eva @Flo @Lou cooked 12 meals for Marisa's kids #food");
    await ask(moB, b, lakeside, "!ledger thanks @Gus drove Joaquín to the clinic #transport");
    await ask(moA, a, riverside, "!federation preview");
    await ask(moB, b, hilltop, "!federation preview");
    await ask(moB, b, lakeside, "!federation preview");

    // The report: A asks, B answers for its two cells; B is killed as soon as its first answer is out.
    const asked = await moA.send(hall, "!assembly report");
    expect(await answerTo(moA, a, hall, asked)).toContain("2 cells are served by other Tandems");
    await seen(
      moA,
      hall,
      b.userId,
      (m) => m.type === "org.tandem.federation.to_assembly" && bodyKind(m) === "figures",
      "B's first answer",
      b,
    );
    await b.stop("SIGKILL");
    await b.start();
    const report = await seen(
      moA,
      hall,
      a.userId,
      (m) => (m.body ?? "").includes("shared figures for"),
      "the report",
      a,
    );
    expect(report.body).toContain("Riverside — givers: 3");
    expect(report.body).toContain("Hilltop — givers: 3");
    expect(report.body).toContain("Lakeside — givers: fewer than 3");
    expect(report.body).toContain("food: 52 meals (6 givers)");
    expect(report).toMatchObject({ wireType: "m.room.encrypted", decryptionFailed: false });
    // In the assembly A answers; B, there only for its cells, never says a word.
    expect(
      (await moA.messages(hall, { sender: b.userId, timeoutMs: 1_000 })).filter((m) => m.type === "m.room.message"),
    ).toEqual([]);
    const answers = a.query<{ state: string }>(
      "SELECT state FROM federation_answers WHERE round_id = (SELECT max(id) FROM federation_rounds)",
    );
    expect(answers.map((x) => x.state).sort()).toEqual(["sent", "sent", "sent"]);

    // The monthly report arrives from both Tandems, and every cell hears who hosts next.
    bringMonthlyReportForward(hall);
    const monthly = await seen(
      moA,
      hall,
      a.userId,
      (m) => m.eventId !== report.eventId && (m.body ?? "").includes("Host cell from now on"),
      "the monthly report",
      a,
    );
    for (const pseudonym of ["Riverside", "Hilltop", "Lakeside"])
      expect(monthly.body).toContain(`${pseudonym} — givers:`);
    const host = /Host cell from now on: (\w+)/.exec(monthly.body!)![1];
    for (const roomId of [hilltop, lakeside])
      await seen(
        moB,
        roomId,
        b.userId,
        (m) => m.body === `The assembly Care workers north is hosted next by ${host}.`,
        "the host announcement",
        b,
      );

    // Only one report per round, however often B's answers went out.
    const reports = (await moA.messages(hall, { sender: a.userId, timeoutMs: 1_000 })).filter((m) =>
      (m.body ?? "").includes("shared figures for"),
    );
    expect(reports).toHaveLength(2);

    // An offer crosses to the other Tandem's cells; contacts cross only once both cells named theirs.
    await ask(moA, a, riverside, "!offer a van with driver on Saturday mornings");
    await seen(
      moB,
      hilltop,
      b.userId,
      (m) => (m.body ?? "").startsWith("Offer 1 from Riverside, in the assembly: a van with driver"),
      "the offer in Hilltop",
      b,
    );
    await ask(moB, b, hilltop, "!answer offer 1");
    await seen(
      moA,
      riverside,
      a.userId,
      (m) => (m.body ?? "").startsWith("Hilltop answers your offer 1."),
      "the answer in Riverside",
      a,
    );
    const consent = await seen(
      moB,
      hilltop,
      b.userId,
      (m) => (m.body ?? "").includes("Riverside") && (m.body ?? "").startsWith("This cell answers offer 1"),
      "the consent hint",
      b,
    );
    // Both cells see one safety code, each Tandem from its own key and the one the assembly relayed.
    const safety = /\d{4}(?: \d{4}){5}/.exec(consent.body ?? "")?.[0];
    const shown = await seen(
      moA,
      riverside,
      a.userId,
      (m) => (m.body ?? "").startsWith("Hilltop answers your offer 1."),
      "the answer in Riverside",
      a,
    );
    expect(safety).toBeDefined();
    expect(shown.body).toContain(safety!);
    expect(await ask(moB, b, hilltop, `!contact verify 1 ${safety}`)).toContain("is the same on both sides");
    expect(await ask(moA, a, riverside, `!contact verify 1 ${safety}`)).toContain("is the same on both sides");
    expect(await ask(moB, b, hilltop, `!contact 1 ${moB.user.userId}`)).toContain(
      "is this cell's contact for offer 1 with Riverside",
    );
    expect(await ask(moA, a, riverside, `!contact 1 ${moA.user.userId}`)).toMatch(
      /^Contact for offer 1 from Hilltop: /,
    );
    const contact = await seen(
      moB,
      hilltop,
      b.userId,
      (m) => (m.body ?? "").startsWith("Contact for offer 1 from Riverside: "),
      "Riverside's contact in Hilltop",
      b,
    );
    expect(contact.mentions).toEqual({ user_ids: [moA.user.userId] });

    // What crossed between the Tandems: encrypted events, with no name, user id, cell room or text in them.
    const crossed = (await moA.messages(hall, { timeoutMs: 1_000 })).filter((m) =>
      m.type.startsWith("org.tandem.federation."),
    );
    expect(crossed.length).toBeGreaterThanOrEqual(12);
    for (const m of crossed) expect(m).toMatchObject({ wireType: "m.room.encrypted", decryptionFailed: false });
    const secrets = [
      "Ana",
      "Boris",
      "Eva",
      "Flo",
      "Lou",
      "Gus",
      "Okafor",
      "Marisa",
      "Joaquín",
      "clinic",
      "cooked",
      moA.user.userId,
      moB.user.userId,
      riverside,
      hilltop,
      lakeside,
    ];
    for (const m of crossed) {
      // Public keys and sealed contacts are random base64url, where three letters can turn up by chance.
      const text = JSON.stringify(m.content).replace(/"(key|sealed)":"[A-Za-z0-9_-]+"/g, '"$1":"…"');
      for (const secret of secrets) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    }
  });

  it("keeps the second Tandem silent in an assembly room the first hosts, from the first message of the host it reads there", async () => {
    const hall = await room(moA, a, "second assembly");
    expect(await ask(moA, a, hall, "!assembly start Night shifts")).toContain("now the assembly Night shifts");
    await moA.call("invite", { roomId: hall, userId: b.userId });
    await moA.waitMembership(hall, b.userId, "join", 90_000);
    // B has read nothing of A here yet: the first command gets its answer too.
    const first = await moA.send(hall, "!assembly invite");
    expect(await answerTo(moA, a, hall, first)).toMatch(/^Join code: /);
    expect(await answerTo(moA, b, hall, first)).toMatch(/^This room is not an assembly/);
    // A's answer carried its host mark; from now on one command gets one answer.
    const second = await moA.send(hall, "!assembly invite");
    expect(await answerTo(moA, a, hall, second)).toMatch(/^Join code: /);
    const third = await moA.send(hall, "!help");
    await answerTo(moA, a, hall, third);
    const fromB = await moA.messages(hall, { sender: b.userId, timeoutMs: 5_000 });
    expect(fromB.map(answeredEvent).filter((id) => id === second || id === third)).toEqual([]);
  });
});
