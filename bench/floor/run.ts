/**
 * Tandem against the floor, side by side in one run: the echo bot (bench/floor/echo-bot.ts) and
 * Tandem (the built CLI, as an operator runs it) on the same Synapse (the e2e harness's), driven by
 * the same second client. Prints a Markdown table of round trips, a burst over 20 rooms, and how
 * late a scheduled post arrives. Run: `npm run bench:floor` (builds first).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/platform/db.js";
import { TestClient } from "../../test/support/e2e.js";
import { cpuSeconds, peakRssMiB, percentile, stopped, waitForLine } from "./processes.js";
import {
  ensureSynapseInstalled,
  prepareSynapse,
  registerUser,
  startSynapse,
  STATE_ENV,
  stopSynapse,
  writeState,
  type RegisteredUser,
  type SynapseState,
} from "../../test/support/synapse.js";

const ROOT = process.cwd();
const SEQUENTIAL = Number(process.env.FLOOR_SEQUENTIAL ?? 200);
const ROOMS = Number(process.env.FLOOR_ROOMS ?? 20);
const BURST = Number(process.env.FLOOR_BURST ?? 1000);
/** A directory: each bot's heap is written there at the end of its burst (after its peak RSS is read). */
const SNAPSHOTS = process.env.FLOOR_HEAP_SNAPSHOTS;
const NODE_FLAGS = SNAPSHOTS ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${SNAPSHOTS}`] : [];

interface Contender {
  name: string;
  user: RegisteredUser;
  process: ChildProcess;
  /** Tandem's own file, read after the run for where the time of each command went. */
  database?: { path: string; key: string };
}

async function startEcho(state: SynapseState, user: RegisteredUser): Promise<Contender> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-floor-echo-"));
  const config = {
    baseUrl: state.baseUrl,
    userId: user.userId,
    accessToken: user.accessToken,
    deviceId: user.deviceId,
    dbPath: join(dir, "echo.db"),
    cryptoStoreKey: randomBytes(32).toString("base64"),
  };
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, join(ROOT, "dist/bench/floor/echo-bot.js"), JSON.stringify(config)],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await waitForLine(child, "stdout", (line) => line === "ready", "the echo bot");
  return { name: "echo floor", user, process: child };
}

async function startTandem(state: SynapseState, user: RegisteredUser): Promise<Contender> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-floor-bot-"));
  const configPath = join(dir, "config.yaml");
  const matrix = {
    homeserverUrl: state.baseUrl,
    userId: user.userId,
    password: user.password,
    allowedInviters: [state.serverName],
    cryptoStoreKey: randomBytes(32).toString("base64"),
  };
  const settings = {
    database: join(dir, "tandem.db"),
    log: { level: "info" },
    ledger: { maxEntriesPerHour: 10_000 },
    scheduler: { tickSeconds: 1 },
    matrix,
  };
  writeFileSync(configPath, JSON.stringify(settings));
  const key = process.env.TANDEM_DATABASE_KEY ?? randomBytes(32).toString("hex");
  const env = { ...process.env, TANDEM_DATABASE_KEY: key };
  const child = spawn(process.execPath, [...NODE_FLAGS, join(ROOT, "dist/app/main.js"), "--config", configPath], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  child.stdout!.resume();
  await waitForLine(child, "stderr", (line) => line.includes('"cross-signing checked"'), "Tandem");
  return { name: "Tandem", user, process: child, database: { path: join(dir, "tandem.db"), key } };
}

async function roomWith(client: TestClient, bot: Contender, name: string): Promise<string> {
  const roomId = await client.createRoom({ name, encrypted: true, invite: [bot.user.userId] });
  await client.waitMembership(roomId, bot.user.userId, "join", 60_000);
  return roomId;
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  burstMs: number;
  /** The sequential room, and when each of its round trips began and ended (wall clock). */
  room: string;
  calls: { start: number; end: number }[];
  /** The bot's CPU from its first sequential command to its burst's last answer, in seconds. */
  cpuS: number;
  /** Peak RSS read before the heap snapshot, which itself takes memory (only with FLOOR_HEAP_SNAPSHOTS). */
  rssBeforeSnapshot?: number;
}

/** Asks the bot for a heap snapshot (--heapsnapshot-signal) and waits until the file is complete. */
async function heapSnapshot(bot: Contender, dir: string): Promise<void> {
  const before = new Set(readdirSync(dir));
  bot.process.kill("SIGUSR2");
  let size = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const file = readdirSync(dir).find((f) => !before.has(f) && f.endsWith(".heapsnapshot"));
    if (!file) continue;
    const now = statSync(join(dir, file)).size;
    if (now > 0 && now === size) {
      renameSync(join(dir, file), join(dir, `${bot.name.replace(/\W+/g, "-")}.heapsnapshot`));
      return;
    }
    size = now;
  }
}

async function measure(client: TestClient, bot: Contender): Promise<Figures> {
  const room = await roomWith(client, bot, `${bot.name} sequential`);
  await client.call("roundTrip", {
    roomId: room,
    text: "!ledger thanks @ana warm-up",
    sender: bot.user.userId,
    timeoutMs: 60_000,
  });
  const times: number[] = [];
  const calls: { start: number; end: number }[] = [];
  const cpuStart = cpuSeconds(bot.process);
  for (let i = 0; i < SEQUENTIAL; i++) {
    const start = Date.now();
    const { ms } = await client.call<{ ms: number }>("roundTrip", {
      roomId: room,
      text: `!ledger thanks @ana cooked ${i + 1} meals`,
      sender: bot.user.userId,
    });
    calls.push({ start, end: Date.now() });
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const rooms: string[] = [];
  for (let i = 0; i < ROOMS; i++) rooms.push(await roomWith(client, bot, `${bot.name} burst ${i + 1}`));
  const { ms: burstMs } = await client.call<{ ms: number }>("burst", {
    rooms,
    perRoom: Math.ceil(BURST / ROOMS),
    text: "!ledger thanks @bo drove nurses",
    sender: bot.user.userId,
  });
  const cpuS = cpuSeconds(bot.process) - cpuStart;
  let rssBeforeSnapshot: number | undefined;
  if (SNAPSHOTS) {
    rssBeforeSnapshot = peakRssMiB(bot.process);
    // The process's mappings as well: most of what is resident is outside the JS heap a snapshot shows.
    writeFileSync(
      join(SNAPSHOTS, `${bot.name.replace(/\W+/g, "-")}.smaps`),
      readFileSync(`/proc/${bot.process.pid}/smaps`),
    );
    await heapSnapshot(bot, SNAPSHOTS);
  }
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    max: times.at(-1)!,
    burstMs,
    cpuS,
    room,
    calls,
    ...(rssBeforeSnapshot === undefined ? {} : { rssBeforeSnapshot }),
  };
}

/** A care plan starting at the next whole minute: its start call is due at that second. */
async function scheduledLateness(client: TestClient, bot: Contender): Promise<number> {
  const room = await roomWith(client, bot, "Tandem schedule");
  const due = Math.ceil((Date.now() + 65_000) / 60_000) * 60_000;
  const at = new Date(due);
  const hhmm = `${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
  // The room's zone is UTC (the default), so the plan starts at `due`.
  await client.call("roundTrip", {
    roomId: room,
    text: `!careplan floor check at ${hhmm} for 1h care pantry`,
    sender: bot.user.userId,
  });
  const arrived = await client.call<{ at: number }>("nextMessage", {
    roomId: room,
    sender: bot.user.userId,
    timeoutMs: due - Date.now() + 60_000,
  });
  return arrived.at - due;
}

const STAGE_NAMES = [
  "driver → homeserver (the driver encrypts, /send)",
  "homeserver → Tandem (/sync delivers it, recorded in the inbox)",
  "inbox → dispatcher (decryption, queue)",
  "dispatcher → reply sent (handling, commit, encryption, /send until the homeserver answers)",
  "homeserver → driver (/sync, decryption)",
] as const;

/**
 * Where each sequential round trip went, from the timestamps Tandem keeps anyway (one clock: all
 * on this machine): the homeserver's origin_ts of the command, when the bot recorded it from the
 * /sync response, when the dispatcher took it, when the reply's /send returned; and the driver's
 * own start and end. Medians per stage.
 */
function whereTheTimeGoes(db: { path: string; key: string }, figures: Figures): number[] {
  const opened = openDatabase(db.path, { key: db.key });
  try {
    const rows = opened.db
      .prepare(
        `SELECT i.origin_ts AS origin, i.received_at AS received, h.handled_at AS handled, o.sent_at AS sent
         FROM matrix_inbox i JOIN handled_events h ON h.event_id = i.event_id JOIN outbox o ON o.key = i.event_id
         WHERE i.room_id = ? ORDER BY i.origin_ts`,
      )
      .all(figures.room) as { origin: number; received: number; handled: number; sent: number }[];
    // The room's first command was the warm-up; the rest pair with the timed calls in order.
    const timed = rows.slice(-figures.calls.length);
    const stages = timed.map((r, i) => {
      const call = figures.calls[i]!;
      return [
        r.origin - call.start,
        r.received - r.origin,
        r.handled - r.received,
        r.sent - r.handled,
        call.end - r.sent,
      ];
    });
    return STAGE_NAMES.map((_, s) =>
      percentile(
        stages.map((row) => row[s]!).sort((a, b) => a - b),
        50,
      ),
    );
  } finally {
    opened.close();
  }
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function main(): Promise<void> {
  const python = ensureSynapseInstalled((line) => console.error(line));
  const state = await startSynapse(await prepareSynapse(python));
  const statePath = join(mkdtempSync(join(tmpdir(), "tandem-floor-")), "synapse.json");
  writeState(statePath, state);
  process.env[STATE_ENV] = statePath;
  const contenders: Contender[] = [];
  const client = await TestClient.start(await registerUser(state, "floor-driver"));
  try {
    contenders.push(await startEcho(state, await registerUser(state, "floor-echo")));
    contenders.push(await startTandem(state, await registerUser(state, "floor-tandem")));
    const [echo, tandem] = [await measure(client, contenders[0]!), await measure(client, contenders[1]!)];
    const late = await scheduledLateness(client, contenders[1]!);
    const rss = contenders.map((c, i) => [echo, tandem][i]!.rssBeforeSnapshot ?? peakRssMiB(c.process));
    for (const c of contenders) await stopped(c.process);
    const stages = whereTheTimeGoes(contenders[1]!.database!, tandem);
    console.log(`| ${SEQUENTIAL} sequential commands | p50 | p95 | p99 | max |\n|---|---|---|---|---|`);
    console.log(`| echo floor | ${fmt(echo.p50)} | ${fmt(echo.p95)} | ${fmt(echo.p99)} | ${fmt(echo.max)} |`);
    console.log(`| Tandem | ${fmt(tandem.p50)} | ${fmt(tandem.p95)} | ${fmt(tandem.p99)} | ${fmt(tandem.max)} |`);
    console.log(
      `| ratio | ${ratio(tandem.p50, echo.p50)} | ${ratio(tandem.p95, echo.p95)} | ${ratio(tandem.p99, echo.p99)} | ${ratio(tandem.max, echo.max)} |`,
    );
    console.log(
      `\n${BURST} commands over ${ROOMS} rooms, until the last answer: echo ${fmt(echo.burstMs)}, Tandem ${fmt(tandem.burstMs)} (${ratio(tandem.burstMs, echo.burstMs)})`,
    );
    console.log(
      `Bot CPU over its commands (sequential and burst): echo ${echo.cpuS.toFixed(1)} s, Tandem ${tandem.cpuS.toFixed(1)} s (${ratio(tandem.cpuS, echo.cpuS)})`,
    );
    console.log(`A scheduled post (a care plan's start) arrived ${fmt(late)} after its due second.`);
    console.log(
      `Peak RSS: echo ${rss[0]!.toFixed(0)} MiB, Tandem ${rss[1]!.toFixed(0)} MiB (${ratio(rss[1]!, rss[0]!)})`,
    );
    console.log(
      `\nWhere a sequential round trip of Tandem goes (medians; total p50 ${fmt(tandem.p50)}):\n| stage | median |\n|---|---|`,
    );
    STAGE_NAMES.forEach((name, i) => console.log(`| ${name} | ${fmt(stages[i]!)} |`));
  } finally {
    await client.stop();
    for (const c of contenders) c.process.kill("SIGTERM");
    await stopSynapse(state);
  }
}

await main();
