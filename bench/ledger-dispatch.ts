// Throughput and latency of the message path (dispatcher → command → one SQLite transaction →
// outbox → transport) and of the ledger's read commands on a large room. Run after a build:
//   node dist/bench/ledger-dispatch.js [messages=10000]
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { createApp } from "../app/app.js";
import type { OutgoingMessage, Transport } from "../src/kernel/port.js";
import { openDatabase } from "../src/platform/db.js";
import { migrate, readMigrations } from "../src/platform/migrations.js";
import { packageRoot } from "../src/platform/package-root.js";

const messages = Number(process.argv[2] ?? 10_000);
const rooms = 10;
const dir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
const path = join(dir, "tandem.db");
const opened = openDatabase(path);
migrate(opened.db, readMigrations(join(packageRoot(), "migrations")));

let delivered = 0;
const transport: Transport = {
  members: () => [
    { userId: "@ana:bench", displayName: "Ana" },
    { userId: "@bo:bench", displayName: "Bo" },
  ],
  powerLevel: () => 0,
  send: async (_m: OutgoingMessage) => {
    delivered++;
  },
};
const { dispatcher, sender } = createApp({
  db: opened.db,
  transport,
  config: {
    prefix: "!",
    ledger: { maxEntriesPerHour: 1_000_000 },
    defaults: { language: "en", timezone: "Europe/Madrid" },
    permissions: { moderatorPowerLevel: 50, admins: [] },
  },
  log: pino({ level: "silent" }),
});

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const ms = (n: number) => `${n.toFixed(3)} ms`;

const handleTimes: number[] = [];
const start = performance.now();
for (let i = 0; i < messages; i++) {
  const t0 = performance.now();
  dispatcher.handle({
    eventId: `$bench${i}`,
    roomId: `!room${i % rooms}:bench`,
    sender: "@recorder:bench",
    text: `!ledger thanks @ana @bo cooked ${i % 50} meals for the night shift`,
    sentAt: Date.now(),
  });
  handleTimes.push(performance.now() - t0);
}
const handled = performance.now() - start;
const t1 = performance.now();
await sender.drain();
const drained = performance.now() - t1;
handleTimes.sort((a, b) => a - b);

function time(text: string): number {
  const t = performance.now();
  dispatcher.handle({
    eventId: `$q${Math.random()}`,
    roomId: "!room0:bench",
    sender: "@recorder:bench",
    text,
    sentAt: Date.now(),
  });
  return performance.now() - t;
}

console.log(`messages: ${messages} in ${rooms} rooms (${messages / rooms} entries per room)`);
console.log(
  `handle (parse + command + commit): ${(messages / (handled / 1000)).toFixed(0)} msg/s, p50 ${ms(percentile(handleTimes, 0.5))}, p99 ${ms(percentile(handleTimes, 0.99))}`,
);
console.log(`outbox drain to a no-op transport: ${(delivered / (drained / 1000)).toFixed(0)} msg/s`);
console.log(`!ledger month on one room: ${ms(time("!ledger month"))}`);
console.log(`!ledger @ana on one room: ${ms(time("!ledger @ana"))}`);
console.log(`!ledger export on one room: ${ms(time("!ledger export"))}`);
opened.db.pragma("wal_checkpoint(TRUNCATE)");
console.log(
  `database: ${(statSync(path).size / 1024 / 1024).toFixed(1)} MiB; rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`,
);
opened.close();
rmSync(dir, { recursive: true, force: true });
