/**
 * Key backup with commands flowing (issue 21): the real bot (the built CLI, as bench/floor starts
 * it) on the e2e harness's Synapse, its crypto store preloaded with N real Megolm room keys not yet
 * backed up, while a driver client keeps sending commands and opening new encrypted rooms (new
 * room keys both ways). Measured: the longest event-loop stall and the handling p99 inside the bot
 * (bench/backup-flow/probe.ts, loaded with `node --import`), the round trips at the driver, the
 * backup's progress as Synapse counts it (GET /room_keys/version), heap and RSS; the same after the
 * backup as the baseline. See bench/README.md.
 *
 * Run: `npm run bench:backup` (builds first), or node dist/bench/backup-flow/run.js [N …]
 * (default 20000 50000 100000). BACKUP_FLOW_RUNS=2 repeats each size; BACKUP_FLOW_CPU_PROF=1 runs
 * the bot with --cpu-prof and prints where the CPU went during the backup (profile.ts);
 * BACKUP_FLOW_NODE_FLAGS="--flag …" gives the bot node flags (V8 settings to compare).
 */
import * as Rust from "@matrix-org/matrix-sdk-crypto-wasm";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../../src/platform/db.js";
import { openPersistentIndexedDB } from "../../src/transport/matrix/idb-sqlite.js";
import { loadSession } from "../../src/transport/matrix/session-store.js";
import { TestClient } from "../../test/support/e2e.js";
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
import { percentile, stopped, waitForLine } from "../floor/processes.js";
import type { ProbeLine } from "./probe.js";
import { summarizeProfile, type ProfileSummary } from "./profile.js";

const ROOT = process.cwd();
const SIZES = process.argv.slice(2).map(Number);
if (SIZES.length === 0) SIZES.push(20_000, 50_000, 100_000);
const RUNS = Number(process.env["BACKUP_FLOW_RUNS"] ?? 1);
const CPU_PROFILE = process.env["BACKUP_FLOW_CPU_PROF"] === "1";
/** A new encrypted room (new Megolm sessions both ways) this often while the backup runs. */
const NEW_ROOM_EVERY_MS = 10_000;
const AFTER_BACKUP_ROUND_TRIPS = 60;
const BACKUP_TIMEOUT_MS = Number(process.env["BACKUP_FLOW_TIMEOUT_SECONDS"] ?? 1800) * 1000;

interface Bot {
  dir: string;
  configPath: string;
  databaseKey: string;
  cryptoStoreKey: string;
  user: RegisteredUser;
}

function configureBot(state: SynapseState, user: RegisteredUser): Bot {
  const dir = mkdtempSync(join(tmpdir(), "tandem-backup-flow-"));
  const cryptoStoreKey = randomBytes(32).toString("base64");
  const settings = {
    database: join(dir, "tandem.db"),
    log: { level: "info" },
    ledger: { maxEntriesPerHour: 10_000 },
    matrix: {
      homeserverUrl: state.baseUrl,
      userId: user.userId,
      password: user.password,
      allowedInviters: [state.serverName],
      cryptoStoreKey,
    },
  };
  const configPath = join(dir, "config.yaml");
  writeFileSync(configPath, JSON.stringify(settings));
  return { dir, configPath, databaseKey: randomBytes(32).toString("hex"), cryptoStoreKey, user };
}

async function startBot(bot: Bot, probe?: string): Promise<ChildProcess> {
  const nodeArgs = probe
    ? ["--import", pathToFileURL(join(ROOT, "dist/bench/backup-flow/probe.js")).href]
    : ([] as string[]);
  if (probe && CPU_PROFILE) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${join(bot.dir, "profile")}`);
  if (probe) nodeArgs.push(...(process.env["BACKUP_FLOW_NODE_FLAGS"] ?? "").split(" ").filter(Boolean));
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, "dist/app/main.js"), "--config", bot.configPath], {
    cwd: bot.dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, TANDEM_DATABASE_KEY: bot.databaseKey, ...(probe ? { BACKUP_FLOW_PROBE: probe } : {}) },
  });
  child.stdout!.resume();
  await waitForLine(child, "stderr", (line) => line.includes('"cross-signing checked"'), "Tandem");
  return child;
}

/** N real Megolm sessions from another device, exported; kept in the temp dir for the next run. */
async function exportedRoomKeys(count: number): Promise<string> {
  const cached = join(tmpdir(), `tandem-backup-flow-keys-${count}.json`);
  if (existsSync(cached)) return readFileSync(cached, "utf8");
  const started = performance.now();
  const sender = await Rust.OlmMachine.initialize(new Rust.UserId("@sender:bench.test"), new Rust.DeviceId("SENDER"));
  for (let i = 0; i < count; i++) {
    await sender.shareRoomKey(new Rust.RoomId(`!room${i}:bench.test`), [], new Rust.EncryptionSettings());
  }
  const exported = await sender.exportRoomKeys(() => true);
  sender.close();
  writeFileSync(cached, exported);
  console.error(`generated ${count} room keys in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return exported;
}

/**
 * Imports the keys into the stopped bot's own crypto store, through the Rust crypto on Tandem's
 * SQLite-backed IndexedDB, as keys received from elsewhere (not from a backup): every one of
 * them is still to be backed up.
 */
async function preload(bot: Bot, keys: string): Promise<{ importMs: number; total: number; backedUp: number }> {
  const opened = openDatabase(join(bot.dir, "tandem.db"), { key: bot.databaseKey });
  try {
    const session = loadSession(opened.db, bot.cryptoStoreKey);
    if (!session) throw new Error("the bot stored no Matrix session");
    const idb = await openPersistentIndexedDB(opened.db);
    idb.installGlobals();
    await Rust.initAsync();
    const handle = await Rust.StoreHandle.openWithKey(
      "tandem",
      new Uint8Array(Buffer.from(bot.cryptoStoreKey, "base64")),
    );
    const machine = await Rust.OlmMachine.initFromStore(
      new Rust.UserId(session.userId),
      new Rust.DeviceId(session.deviceId),
      handle,
    );
    handle.free();
    const started = performance.now();
    await machine.importExportedRoomKeys(keys, () => undefined);
    const importMs = performance.now() - started;
    const counts = await machine.roomKeyCounts();
    machine.close();
    return { importMs, total: counts.total, backedUp: counts.backedUp };
  } finally {
    opened.close();
  }
}

/** The number of keys in the account's current backup, as Synapse counts them. */
async function backedUpCount(state: SynapseState, accessToken: string): Promise<number> {
  const response = await fetch(`${state.baseUrl}/_matrix/client/v3/room_keys/version`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok) throw new Error(`room_keys/version: ${response.status}`);
  return ((await response.json()) as { count: number }).count;
}

interface Call {
  start: number;
  ms: number;
}

interface Flow {
  calls: Call[];
  counts: { at: number; count: number }[];
  backupStart: number;
  backupEnd: number;
  newRooms: number;
}

async function roomWithBot(driver: TestClient, bot: Bot, name: string): Promise<string> {
  const roomId = await driver.createRoom({ name, encrypted: true, invite: [bot.user.userId] });
  await driver.waitMembership(roomId, bot.user.userId, "join", 60_000);
  return roomId;
}

/**
 * Commands one after the other in `room`, a new encrypted room every NEW_ROOM_EVERY_MS, and
 * Synapse's backup count polled twice a second, until the preloaded keys are all backed up; then
 * AFTER_BACKUP_ROUND_TRIPS more commands as the baseline.
 */
async function flow(
  state: SynapseState,
  driver: TestClient,
  bot: Bot,
  room: string,
  token: string,
  target: number,
): Promise<Flow> {
  const calls: Call[] = [];
  const counts: { at: number; count: number }[] = [];
  let backupStart = 0;
  let backupEnd = 0;
  let newRooms = 0;
  const deadline = Date.now() + BACKUP_TIMEOUT_MS;
  const poll = (async () => {
    let previous = -1;
    while (backupEnd === 0 && Date.now() < deadline) {
      const count = await backedUpCount(state, token);
      const at = Date.now();
      if (count !== previous) counts.push({ at, count });
      if (backupStart === 0 && previous >= 0 && count > previous) backupStart = counts.at(-2)!.at;
      if (count >= target) backupEnd = at;
      previous = count;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const rooms = (async () => {
    while (backupEnd === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, NEW_ROOM_EVERY_MS));
      if (backupEnd !== 0) break;
      const fresh = await roomWithBot(driver, bot, `backup flow ${++newRooms}`);
      await driver.call("roundTrip", { roomId: fresh, text: "!ledger thanks @ana opened", sender: bot.user.userId });
    }
  })();
  let i = 0;
  const roundTrip = async () => {
    const start = Date.now();
    const { ms } = await driver.call<{ ms: number }>("roundTrip", {
      roomId: room,
      text: `!ledger thanks @ana cooked ${++i} meals`,
      sender: bot.user.userId,
      timeoutMs: 120_000,
    });
    calls.push({ start, ms });
  };
  while (backupEnd === 0 && Date.now() < deadline) await roundTrip();
  await Promise.all([poll, rooms]);
  if (backupEnd === 0) throw new Error(`the backup did not finish in ${BACKUP_TIMEOUT_MS / 1000} s`);
  for (let k = 0; k < AFTER_BACKUP_ROUND_TRIPS; k++) await roundTrip();
  return { calls, counts, backupStart, backupEnd, newRooms };
}

interface Phase {
  roundTrips: number[];
  handled: number[];
  unpreempted: number[];
  stallMaxMs: number;
  /** Stalls over 50 ms seen by the probe's 2 ms timer, and their total. */
  stallsOver50: number;
  stalledMs: number;
  /** The most CPU the main thread used within one stall, and the stalls over 50 ms of it. */
  stallCpuMaxMs: number;
  stallsCpuOver50: number;
  rssMaxMiB: number;
  heapMaxMiB: number;
}

function phase(flowed: Flow, probe: ProbeLine[], from: number, to: number): Phase {
  const lines = probe.filter((l) => l.at > from && l.at <= to + 1000);
  const MiB = 1024 * 1024;
  return {
    roundTrips: flowed.calls
      .filter((c) => c.start >= from && c.start < to)
      .map((c) => c.ms)
      .sort((a, b) => a - b),
    handled: lines.flatMap((l) => l.handledMs).sort((a, b) => a - b),
    unpreempted: lines.flatMap((l) => l.unpreemptedMs ?? []).sort((a, b) => a - b),
    stallMaxMs: Math.max(0, ...lines.map((l) => l.stallMaxMs)),
    stallsOver50: lines.reduce((n, l) => n + l.stalls.length, 0),
    stalledMs: lines.reduce((n, l) => n + l.stalls.reduce((m, s) => m + s.ms, 0), 0),
    stallCpuMaxMs: Math.max(0, ...lines.flatMap((l) => l.stalls.map((s) => s.cpuMs))),
    stallsCpuOver50: lines.reduce((n, l) => n + l.stalls.filter((s) => s.cpuMs > 50).length, 0),
    rssMaxMiB: Math.max(0, ...lines.map((l) => l.rss)) / MiB,
    heapMaxMiB: Math.max(0, ...lines.map((l) => l.heapUsed)) / MiB,
  };
}

/** Milliseconds per 100 keys between two polls that saw the count move (a pass is 100 keys). */
function passTimes(flowed: Flow): number[] {
  const out: number[] = [];
  for (let k = 1; k < flowed.counts.length; k++) {
    const [a, b] = [flowed.counts[k - 1]!, flowed.counts[k]!];
    if (a.at >= flowed.backupStart && b.count > a.count) out.push(((b.at - a.at) * 100) / (b.count - a.count));
  }
  return out.sort((x, y) => x - y);
}

const ms = (n: number | undefined) => (n === undefined ? "—" : `${n.toFixed(n < 10 ? 2 : 0)} ms`);

function report(
  size: number,
  loaded: { importMs: number; total: number },
  flowed: Flow,
  during: Phase,
  after: Phase,
  profile?: ProfileSummary,
) {
  const passes = passTimes(flowed);
  const seconds = (flowed.backupEnd - flowed.backupStart) / 1000;
  const row = (name: string, p: Phase) =>
    `| ${name} | ${ms(p.stallMaxMs)} (${p.stallsOver50} over 50 ms, ${(p.stalledMs / 1000).toFixed(1)} s) | ` +
    `${ms(p.stallCpuMaxMs)} (${p.stallsCpuOver50} over 50 ms) | ` +
    `${ms(percentile(p.handled, 50))} / ${ms(percentile(p.handled, 99))} (${p.handled.length}) | ` +
    `${ms(percentile(p.unpreempted, 50))} / ${ms(percentile(p.unpreempted, 99))} (${p.unpreempted.length}) | ` +
    `${ms(percentile(p.roundTrips, 50))} / ${ms(percentile(p.roundTrips, 99))} (${p.roundTrips.length}) | ` +
    `${p.heapMaxMiB.toFixed(0)} / ${p.rssMaxMiB.toFixed(0)} MiB |`;
  console.log(
    `\n${size} room keys preloaded (${loaded.total} in the store, import ${(loaded.importMs / 1000).toFixed(1)} s); ` +
      `backup of them ${seconds.toFixed(1)} s (${Math.round((flowed.counts.at(-1)!.count - flowed.counts[0]!.count) / seconds)} keys/s), ` +
      `100 keys every ${ms(percentile(passes, 50))} p50, ${ms(passes.at(-1))} max; ${flowed.newRooms} new rooms during it`,
  );
  console.log(
    "| phase | longest event-loop stall (wall) | its main-thread CPU, most in one stall | handling p50 / p99 (n) | of it, never preempted: p50 / p99 (n) | round trip p50 / p99 (n) | heap / RSS max |\n|---|---|---|---|---|---|---|",
  );
  console.log(row("during backup", during));
  console.log(row("after backup", after));
  if (profile) console.log(`\n${profile.text}`);
}

async function once(state: SynapseState, driver: TestClient, size: number, run: number): Promise<void> {
  const bot = configureBot(state, await registerUser(state, `backup-bot-${size}-${run}-${Date.now()}`));
  // First start: the bot's identity, secret storage and key backup are set up, and it joins a room.
  let child = await startBot(bot);
  const room = await roomWithBot(driver, bot, "backup flow");
  await driver.call("roundTrip", {
    roomId: room,
    text: "!ledger thanks @ana warm-up",
    sender: bot.user.userId,
    timeoutMs: 60_000,
  });
  await stopped(child);
  const loaded = await preload(bot, await exportedRoomKeys(size));
  const token = bot.user.accessToken;
  const base = await backedUpCount(state, token);
  const probePath = join(bot.dir, "probe.jsonl");
  child = await startBot(bot, probePath);
  try {
    const flowed = await flow(state, driver, bot, room, token, base + size);
    await stopped(child);
    const probe = readFileSync(probePath, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ProbeLine);
    const during = phase(flowed, probe, flowed.backupStart, flowed.backupEnd);
    const after = phase(flowed, probe, flowed.backupEnd, Number.POSITIVE_INFINITY);
    let profile: ProfileSummary | undefined;
    if (CPU_PROFILE) {
      const dir = join(bot.dir, "profile");
      const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"))!;
      // The wall clock of the backup's window, translated to the profile's monotonic clock by the probe's lines.
      const anchor = probe[0]!;
      const toUs = (at: number) => anchor.monotonicUs + (at - anchor.at) * 1000;
      const [from, to] = [toUs(flowed.backupStart), toUs(flowed.backupEnd)];
      const stalls = probe.flatMap((l) => l.stalls).filter((s) => s.endUs >= from && s.endUs <= to);
      profile = summarizeProfile(join(dir, file), from, to, stalls);
      console.error(`CPU profile: ${join(dir, file)}`);
    }
    report(size, loaded, flowed, during, after, profile);
  } finally {
    child.kill("SIGTERM");
  }
}

async function main(): Promise<void> {
  const python = ensureSynapseInstalled((line) => console.error(line));
  const state = await startSynapse(await prepareSynapse(python));
  const statePath = join(mkdtempSync(join(tmpdir(), "tandem-backup-flow-")), "synapse.json");
  writeState(statePath, state);
  process.env[STATE_ENV] = statePath;
  const driver = await TestClient.start(await registerUser(state, "backup-driver"));
  try {
    for (const size of SIZES) for (let run = 1; run <= RUNS; run++) await once(state, driver, size, run);
  } finally {
    await driver.stop();
    await stopSynapse(state);
  }
}

await main();
