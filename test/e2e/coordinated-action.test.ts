/**
 * A coordinated day of action over two homeservers that federate over 127.0.0.1 (issue 20): Tandem A
 * hosts the assembly and the cells Riverside and Dockside; Tandem B serves Hilltop. A moderator of the
 * assembly proposes an action two minutes ahead (times are typed to the minute: "in 2 minutes"); all
 * three cells join; the assembly reads "3" and never which; at the window each cell's room gets the
 * start call of its own care plan, the three within a second of each other and of the window. Nothing
 * of a cell (its room, alias, name, members' ids or display names) is in any event the assembly room
 * carries, as its member decrypts them: both bots' federation events and the assembly's replies. Each
 * homeserver paces its bot as a busy public server would.
 */
import { jest } from "@jest/globals";
import { startFederatedHomeservers, type FederatedHomeservers } from "../support/e2e-federation.js";
import { answerTo, Bot, newUser, TestClient } from "../support/e2e.js";
import type { SeenMessage } from "../support/matrix-test-client.js";
import type { RegisteredUser, SynapseState } from "../support/synapse.js";

jest.setTimeout(600_000);

let servers: FederatedHomeservers;
let a: Bot;
let b: Bot;
/** The assembly's moderator, on the first server: a member of no cell. */
let chair: TestClient;
let moA: TestClient;
let moB: TestClient;
let ana: TestClient;
let eva: TestClient;

/** Display names that make each member recognisable, set before they join any room. */
const NAMES = { moA: "Marisol Quintero", ana: "Anaïs Okonkwo", moB: "Teodoro Blanco", eva: "Evangelina Ruiz" };

async function clientApi(server: SynapseState, user: RegisteredUser, method: string, path: string, body: object) {
  const response = await fetch(`${server.baseUrl}/_matrix/client/v3${path}`, {
    method,
    headers: { authorization: `Bearer ${user.accessToken}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
}

const setDisplayName = (server: SynapseState, user: RegisteredUser, name: string) =>
  clientApi(server, user, "PUT", `/profile/${encodeURIComponent(user.userId)}/displayname`, { displayname: name });

/** Gives the room a published alias, as a cell whose members find it by name would. */
async function addAlias(server: SynapseState, owner: RegisteredUser, roomId: string, local: string): Promise<string> {
  const alias = `#${local}-${Date.now().toString(36)}:${server.serverName}`;
  await clientApi(server, owner, "PUT", `/directory/room/${encodeURIComponent(alias)}`, { room_id: roomId });
  await clientApi(server, owner, "PUT", `/rooms/${encodeURIComponent(roomId)}/state/m.room.canonical_alias`, {
    alias,
  });
  return alias;
}

/** Each homeserver paces its bot as a busy public server would (as in rate-limits.test.ts): 1 message a second, bursts of 5. */
async function pace(server: SynapseState, admin: RegisteredUser, bot: Bot): Promise<void> {
  const response = await fetch(
    `${server.baseUrl}/_synapse/admin/v1/users/${encodeURIComponent(bot.userId)}/override_ratelimit`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${admin.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({ messages_per_second: 1, burst_count: 5 }),
    },
  );
  if (!response.ok) throw new Error(`override_ratelimit: ${response.status}`);
}

beforeAll(async () => {
  servers = await startFederatedHomeservers();
  const [adminOne, adminTwo, chairUser, moAUser, anaUser, moBUser, evaUser] = await Promise.all([
    newUser("admin", true, servers.one),
    newUser("admin", true, servers.two),
    newUser("chair", false, servers.one),
    newUser("mo", false, servers.one),
    newUser("ana", false, servers.one),
    newUser("mo", false, servers.two),
    newUser("eva", false, servers.two),
  ]);
  await Promise.all([
    setDisplayName(servers.one, moAUser, NAMES.moA),
    setDisplayName(servers.one, anaUser, NAMES.ana),
    setDisplayName(servers.two, moBUser, NAMES.moB),
    setDisplayName(servers.two, evaUser, NAMES.eva),
  ]);
  [a, b] = await Promise.all([
    Bot.create({ homeserver: servers.one, allowedInviters: [chairUser.userId, moAUser.userId] }),
    Bot.create({ homeserver: servers.two, allowedInviters: [moBUser.userId, chairUser.userId] }),
  ]);
  await Promise.all([pace(servers.one, adminOne, a), pace(servers.two, adminTwo, b)]);
  await Promise.all([a.start(), b.start()]);
  [chair, moA, ana, moB, eva] = await Promise.all([
    TestClient.start(chairUser, servers.one),
    TestClient.start(moAUser, servers.one),
    TestClient.start(anaUser, servers.one),
    TestClient.start(moBUser, servers.two),
    TestClient.start(evaUser, servers.two),
  ]);
});

afterAll(async () => {
  await Promise.all([chair?.stop(), moA?.stop(), ana?.stop(), moB?.stop(), eva?.stop()]);
  await Promise.all([a?.stop(), b?.stop()]);
  await servers?.stop();
});

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
  timeoutMs = 120_000,
): Promise<SeenMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await client.messages(roomId, { sender, timeoutMs: 1_000 })).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`never saw ${what}:\n${bot.diagnostics()}`);
  }
}

async function room(owner: TestClient, bot: Bot, name: string, members: TestClient[] = []): Promise<string> {
  const roomId = await owner.createRoom({ name, encrypted: true, invite: [bot.userId] });
  await owner.waitMembership(roomId, bot.userId, "join", 90_000);
  for (const member of members) {
    await owner.call("invite", { roomId, userId: member.user.userId });
    await member.waitMembership(roomId, member.user.userId, "invite", 60_000);
    await member.call("join", { roomId });
    await owner.waitMembership(roomId, member.user.userId, "join", 60_000);
  }
  return roomId;
}

async function waitFor<T>(what: string, probe: () => T | undefined, bot: Bot, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${bot.diagnostics()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("a coordinated day of action over two federating homeservers", () => {
  it("starts together in three cells on two Tandems, counts 3 in the assembly, and lets no cell's room or member cross", async () => {
    const hall = await room(chair, a, "Care workers north assembly");
    const cellNames = {
      riverside: "Riverside kitchen crew",
      dockside: "Dockside night shift",
      hilltop: "Hilltop ward",
    };
    const riverside = await room(moA, a, cellNames.riverside, [ana]);
    const dockside = await room(moA, a, cellNames.dockside);
    const hilltop = await room(moB, b, cellNames.hilltop, [eva]);
    const aliases = await Promise.all([
      addAlias(servers.one, moA.user, riverside, "riverside-crew"),
      addAlias(servers.one, moA.user, dockside, "dockside-shift"),
      addAlias(servers.two, moB.user, hilltop, "hilltop-ward"),
    ]);

    expect(await ask(chair, a, hall, "!assembly start Care workers north")).toContain(
      "now the assembly Care workers north",
    );
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push(/Join code: (\S+)/.exec(await ask(chair, a, hall, "!assembly invite"))![1]!);
    await chair.call("invite", { roomId: hall, userId: b.userId });
    await chair.waitMembership(hall, b.userId, "join", 90_000);
    expect(await ask(moA, a, riverside, `!federate ${codes[0]} as Riverside`)).toContain("as Riverside");
    expect(await ask(moA, a, dockside, `!federate ${codes[1]} as Dockside`)).toContain("as Dockside");
    expect(await ask(moB, b, hilltop, `!federate ${codes[2]} as Hilltop`)).toContain(
      "Asked the assembly to link this cell as Hilltop",
    );
    await seen(
      moB,
      hilltop,
      b.userId,
      (m) => (m.body ?? "").startsWith("This cell is linked to the assembly Care workers north as Hilltop"),
      "Hilltop welcomed",
      b,
    );

    // The window: two minutes ahead, the least the time reader allows that leaves room for three joins.
    expect(await ask(chair, a, hall, "!action propose refuse overtime in 2 minutes for 1h")).toMatch(
      /^Action 1 went to every linked cell: refuse overtime/,
    );
    const { startsAt } = a.query<{ startsAt: number }>("SELECT starts_at AS startsAt FROM federation_actions")[0]!;
    const heard = (m: SeenMessage) =>
      (m.body ?? "").startsWith("The assembly Care workers north proposes action 1: refuse overtime");
    for (const [client, bot, roomId] of [
      [moA, a, riverside],
      [moA, a, dockside],
      [moB, b, hilltop],
    ] as const)
      await seen(client, roomId, bot.userId, heard, "the proposal in a cell", bot);
    expect(b.query("SELECT starts_at AS startsAt FROM federation_actions_heard")).toEqual([{ startsAt }]);

    // All three join; their members volunteer for the care, so their names are in each cell's plan.
    expect(await ask(moA, a, riverside, "!action 1 join with care pantry")).toContain("This cell is in action 1");
    expect(await ask(moA, a, dockside, "!action 1 join")).toContain("This cell is in action 1");
    expect(await ask(moB, b, hilltop, "!action 1 join with care childcare")).toContain("This cell is in action 1");
    expect(await ask(ana, a, riverside, "!careplan 1 join")).toContain(NAMES.ana);
    expect(await ask(eva, b, hilltop, "!careplan 1 join")).toContain(NAMES.eva);
    await waitFor(
      "Hilltop's join to reach the assembly",
      () => (a.query("SELECT cell_id FROM federation_action_cells").length === 3 ? true : undefined),
      a,
    );
    const listed = await ask(chair, a, hall, "!actions");
    expect(listed).toContain("Cells in: 3");
    expect(Date.now()).toBeLessThan(startsAt);

    // At the window: each cell's own start call, and the assembly hears how many cells are in.
    const startCall = (m: SeenMessage) => (m.body ?? "").startsWith("refuse overtime starts now");
    const calls = await Promise.all(
      (
        [
          [moA, a, riverside],
          [moA, a, dockside],
          [moB, b, hilltop],
        ] as const
      ).map(([client, bot, roomId]) =>
        seen(client, roomId, bot.userId, startCall, "a start call", bot, startsAt - Date.now() + 60_000),
      ),
    );
    const starts = await seen(
      chair,
      hall,
      a.userId,
      (m) => (m.body ?? "").startsWith("Action 1 starts now"),
      "the start in the assembly",
      a,
    );
    expect(starts.body).toContain("Cells in: 3.");
    for (const call of calls) expect(call).toMatchObject({ wireType: "m.room.encrypted", decryptionFailed: false });
    // How late each start call reached its homeserver, in ms after the window (the same machine's clock).
    const late = calls.map((m) => m.originServerTs - startsAt);
    for (const ms of late) {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThan(1_000);
    }
    expect(Math.max(...late) - Math.min(...late)).toBeLessThan(1_000);
    expect(calls[0]!.body).toContain(NAMES.ana);

    // Everything the assembly room carried, as its member decrypts it: both bots' federation events among it
    // (each bot empties what it queued once delivered, so the room is the whole record).
    const hallEvents = await chair.messages(hall, { timeoutMs: 1_000 });
    const crossed = hallEvents.filter((m) => m.type.startsWith("org.tandem.federation."));
    for (const m of crossed) expect(m).toMatchObject({ wireType: "m.room.encrypted", decryptionFailed: false });
    const kindsFrom = (bot: Bot) =>
      crossed
        .filter((m) => m.sender === bot.userId)
        .map((m) => (m.content?.body as { kind?: string } | undefined)?.kind);
    expect(kindsFrom(a)).toEqual(expect.arrayContaining(["welcome", "action"]));
    expect(kindsFrom(b)).toEqual(expect.arrayContaining(["join", "action_join"]));
    const secrets = [
      riverside,
      dockside,
      hilltop,
      ...aliases,
      ...Object.values(cellNames),
      ...[moA, ana, moB, eva].map((client) => client.user.userId),
      ...Object.values(NAMES),
      // A display name travels in parts too ("Anaïs" in a sentence).
      ...Object.values(NAMES).flatMap((name) => name.split(" ")),
    ];
    for (const text of hallEvents.map((m) => JSON.stringify(m)))
      for (const secret of secrets) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    // The assembly reads how many, never which.
    for (const said of [listed, starts.body!])
      for (const pseudonym of ["Riverside", "Dockside", "Hilltop"]) expect(said).not.toContain(pseudonym);
  });
});
