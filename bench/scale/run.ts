// Tandem at scale on one machine: 100 cells, two years, 1,000,000 ledger entries, 50,000 care
// plans, role terms, and the exactly-once rows of every message, seeded through the repositories
// into an encrypted file; then the numbers of the issue "Performance against the floor, and scale".
//   node dist/bench/scale/run.js [entries=1000000]
// The seed is kept in $TMPDIR/tandem-scale-seed-<entries>.db (or SCALE_SEED=path) and reused by the
// next run: a 1,000,000-entry seed takes many minutes on a busy 2-core machine (seed on /dev/shm).
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { ledger } from "../../commands/ledger/index.js";
import { createApp } from "../../app/app.js";
import { checkpointLog, HourlyPruning, PRUNE_BATCH, pruneOldRows, type PruneReport } from "../../src/kernel/pruning.js";
import type { Transport } from "../../src/kernel/port.js";
import { openDatabase, StartupError, type OpenedDatabase } from "../../src/platform/db.js";
import { migrate, readMigrations } from "../../src/platform/migrations.js";
import { packageRoot } from "../../src/platform/package-root.js";
import { pruneMatrixInbox } from "../../src/transport/matrix/inbox.js";
import { roomOf, seed } from "./seed.js";
import { profileStages, STAGES, type Stage } from "./stages.js";

const entries = Number(process.argv[2] ?? 1_000_000);
const size = { cells: 100, entries, plans: Math.round(entries / 20), lastMonthEntries: 500 };
const KEY = "bench-scale-key-0123456789";
const END = Date.UTC(2026, 10, 24, 10, 0);
const dir = mkdtempSync(join(tmpdir(), "tandem-scale-"));
const path = join(dir, "tandem.db");
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const log = (line: string) => console.log(line);
const open = (at = path): OpenedDatabase => {
  const opened = openDatabase(at, { key: KEY });
  migrate(opened.db, readMigrations(join(packageRoot(), "migrations")));
  return opened;
};
const fileSize = (opened: OpenedDatabase, at = path) => {
  opened.db.pragma("wal_checkpoint(TRUNCATE)");
  return statSync(at).size;
};

// The seed may live elsewhere (e.g. on /dev/shm, to seed fast) and be reused; it is copied next to
// the measurements, which run on the temporary directory's disk.
const seedPath = process.env.SCALE_SEED ?? join(tmpdir(), `tandem-scale-seed-${entries}.db`);
const rssBefore = process.memoryUsage().rss;
/** A seed made before a migration file changed (one still being written) no longer has the schema the code reads. */
function matchesMigrations(at: string): boolean {
  try {
    open(at).close();
    return true;
  } catch (err) {
    if (err instanceof StartupError) return false;
    throw err;
  }
}
if (existsSync(seedPath) && !matchesMigrations(seedPath)) {
  log(`seed: ${seedPath} was made with other migrations; seeding again`);
  for (const file of [seedPath, `${seedPath}-wal`, `${seedPath}-shm`, `${seedPath}.lock`])
    rmSync(file, { force: true });
}
if (existsSync(seedPath)) {
  log(`seed: reused ${seedPath}`);
} else {
  const t = performance.now();
  const opened = open(seedPath);
  seed(opened.db, size, END, log);
  log(
    `seed: ${size.entries.toLocaleString("en")} entries, ${size.plans.toLocaleString("en")} plans, ${size.cells} cells in ${((performance.now() - t) / 1000).toFixed(0)} s; file ${mib(fileSize(opened, seedPath))}`,
  );
  opened.close();
}
if (seedPath !== path) copyFileSync(seedPath, path);

let delivered = 0;
const transport: Transport = { members: () => [], powerLevel: () => 0, send: async () => void delivered++ };
const config = {
  prefix: "!",
  ledger: { maxEntriesPerHour: 10_000 },
  defaults: { language: "en" as const, timezone: "Europe/Madrid" },
  permissions: { moderatorPowerLevel: 50, admins: [] },
};
let clock = END;

// Start-up to the first answer: open (key derivation), migrate, wire, handle, deliver.
const t0 = performance.now();
const opened = open();
const app = createApp({ db: opened.db, transport, config, log: pino({ level: "silent" }), clock: () => clock });
let seq = 0;
const say = (text: string, cell = 0) =>
  app.dispatcher.handle({
    eventId: `$bench${++seq}`,
    roomId: roomOf(cell),
    sender: "@m0-0:bench",
    text,
    sentAt: clock,
  });
say("!ledger thanks @m1-0:bench cooked soup");
await app.sender.drain();
log(`start-up to the first answer: ${ms(performance.now() - t0)}`);

const stages = profileStages(opened.db, ledger.commands);
const TICK_S = 30;
/**
 * `n` commands, one a (simulated) second over the 100 cells; `ticks`: the scheduler's tick runs every
 * 30 s between them, as in the bot, and checkpoints the log (only its checkpoint here: its first
 * pruning is measured on its own below). Without ticks it is a burst: SQLite checkpoints in a commit.
 */
function commands(n: number, options: { ticks: boolean; profile?: Record<Stage, number>[] }): number[] {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    clock += 1_000;
    if (options.ticks && i % TICK_S === 0) checkpointLog(opened.db);
    const t = performance.now();
    const command = () => say(`!ledger thanks @m${i % 12}-${i % 100}:bench drove ${i % 9} nurses`, i % 100);
    if (options.profile) options.profile.push(stages.time(command));
    else command();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}
const burst = commands(3_000, { ticks: false });
log(
  `handling one command, a burst of 3,000 over 100 cells (no tick between): p50 ${ms(pct(burst, 0.5))}, p99 ${ms(pct(burst, 0.99))}, max ${ms(burst.at(-1)!)}`,
);
const profile: Record<Stage, number>[] = [];
const handled = commands(3_000, { ticks: true, profile });
await app.sender.drain();
log(
  `handling one command, 3,000 over 100 cells, the tick every ${TICK_S}: p50 ${ms(pct(handled, 0.5))}, p99 ${ms(pct(handled, 0.99))}, max ${ms(handled.at(-1)!)}`,
);
// Per stage: its own p50 and p99, and its share of the slowest 1% of commands (what makes the tail).
const total = (row: Record<Stage, number>) => STAGES.reduce((sum, stage) => sum + row[stage], 0);
const slowest = [...profile].sort((a, b) => total(b) - total(a)).slice(0, Math.ceil(profile.length / 100));
log("| stage | p50 | p99 | share of the slowest 1 % |\n| --- | --- | --- | --- |");
for (const stage of STAGES) {
  const sorted = profile.map((row) => row[stage]).sort((a, b) => a - b);
  const share = slowest.reduce((sum, row) => sum + row[stage], 0) / slowest.reduce((sum, row) => sum + total(row), 0);
  log(`| ${stage} | ${ms(pct(sorted, 0.5))} | ${ms(pct(sorted, 0.99))} | ${(share * 100).toFixed(0)} % |`);
}

const timed = (text: string) =>
  median(
    Array.from({ length: 7 }, () => {
      const t = performance.now();
      say(text);
      return performance.now() - t;
    }),
  );
const monthCount = opened.db
  .prepare("SELECT count(*) FROM ledger_entries WHERE room_id = ? AND recorded_at >= ?")
  .pluck()
  .get(roomOf(0), END - 30 * 24 * 3600_000);
log(`!ledger month (room of ${monthCount} entries in its last 30 days): ${ms(timed("!ledger month"))}`);
const roomCount = opened.db.prepare("SELECT count(*) FROM ledger_entries WHERE room_id = ?").pluck().get(roomOf(0));
log(`!ledger export (${Number(roomCount).toLocaleString("en")} entries): ${ms(timed("!ledger export"))}`);
await app.sender.drain();

for (const mode of ["NORMAL", "FULL", "NORMAL", "FULL"]) {
  opened.db.pragma(`synchronous = ${mode}`);
  const times = commands(1_000, { ticks: true });
  log(`synchronous = ${mode}: p50 ${ms(pct(times, 0.5))}, p99 ${ms(pct(times, 0.99))}`);
}
opened.db.pragma("synchronous = NORMAL");
await app.sender.drain();
log(
  `rss: ${mib(process.memoryUsage().rss)} (before opening: ${mib(rssBefore)}); heap ${mib(process.memoryUsage().heapUsed)}`,
);

// The first pruning as the bot runs it: a step per turn of the event loop. Meanwhile a command is
// due every 10 ms; how late each one starts (waiting for a step) and how long it takes are noted.
const before = fileSize(opened);
const batch = Number(process.env.PRUNE_BATCH ?? PRUNE_BATCH);
const steps: number[] = [];
const lateness: number[] = [];
const during: number[] = [];
const tp = performance.now();
const pruning = new HourlyPruning(
  (next) =>
    void setImmediate(() => {
      const t = performance.now();
      next();
      steps.push(performance.now() - t);
    }),
);
pruning.add(pruneMatrixInbox);
let due = performance.now() + 10;
const commandLoop = setInterval(() => {
  lateness.push(Math.max(0, performance.now() - due));
  due = performance.now() + 10;
  clock += 1_000;
  const t = performance.now();
  say(`!ledger thanks @m${during.length % 12}-0:bench fixed ${during.length % 9} bikes`, during.length % 100);
  during.push(performance.now() - t);
}, 10);
const pruned = await new Promise<PruneReport>((resolve, reject) => {
  const first = performance.now();
  pruning.maybeRun(opened.db, clock, { done: resolve, failed: reject }, batch);
  steps.push(performance.now() - first);
}).finally(() => clearInterval(commandLoop));
const pruneMs = performance.now() - tp;
steps.sort((a, b) => a - b);
lateness.sort((a, b) => a - b);
during.sort((a, b) => a - b);
log(
  `first pruning: ${pruned.handledMarks.toLocaleString("en")} marks, ${pruned.outbox.toLocaleString("en")} outbox rows, ${pruned.transport.toLocaleString("en")} inbox rows in ${ms(pruneMs)}, ${steps.length.toLocaleString("en")} turns of the event loop (a step of ≤ ${batch.toLocaleString("en")} rows, or the checkpoint after it): turn p50 ${ms(pct(steps, 0.5))}, p99 ${ms(pct(steps, 0.99))}, max ${ms(steps.at(-1)!)}`,
);
log(
  `  meanwhile ${during.length.toLocaleString("en")} commands: started late by p50 ${ms(pct(lateness, 0.5))}, p99 ${ms(pct(lateness, 0.99))}, max ${ms(lateness.at(-1)!)}; handled in p50 ${ms(pct(during, 0.5))}, p99 ${ms(pct(during, 0.99))}`,
);
opened.db.exec("VACUUM");
log(`file ${mib(before)} → ${mib(fileSize(opened))} after pruning and VACUUM`);
const again = performance.now();
pruneOldRows(opened.db, clock + 3600_000, [pruneMatrixInbox]);
log(`the next hourly pruning: ${ms(performance.now() - again)}`);
opened.close();
rmSync(dir, { recursive: true, force: true });
