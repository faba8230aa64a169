// The cost of encryption at rest: the same workload on a plain SQLite file and on an encrypted one
// (SQLCipher 4 through better-sqlite3-multiple-ciphers), in the same run. Run after a build:
//   node dist/bench/db-encryption.js [messages=5000]
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { createApp } from "../app/app.js";
import type { Transport } from "../src/kernel/port.js";
import { openDatabase } from "../src/platform/db.js";
import { backupDatabase } from "../src/platform/db-maintenance.js";
import { migrate, readMigrations } from "../src/platform/migrations.js";
import { packageRoot } from "../src/platform/package-root.js";

const messages = Number(process.argv[2] ?? 5_000);
const rooms = 5;
const KEY = "bench-only-database-key-not-secret";
const ms = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function run(label: string, key: string | undefined): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-bench-"));
  const path = join(dir, "tandem.db");
  const t0 = performance.now();
  const opened = openDatabase(path, { key });
  const openMs = performance.now() - t0;
  migrate(opened.db, readMigrations(join(packageRoot(), "migrations")));
  const transport: Transport = {
    members: () => [
      { userId: "@ana:bench", displayName: "Ana" },
      { userId: "@bo:bench", displayName: "Bo" },
    ],
    powerLevel: () => 0,
    send: async () => {},
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
  const say = (text: string, i: number | string) =>
    dispatcher.handle({
      eventId: `$bench${i}`,
      roomId: `!room${Number(i) % rooms || 0}:bench`,
      sender: "@recorder:bench",
      text,
      sentAt: Date.now(),
    });

  const start = performance.now();
  for (let i = 0; i < messages; i++) say(`!ledger thanks @ana @bo cooked ${i % 50} meals for the night shift`, i);
  const perSecond = messages / ((performance.now() - start) / 1000);
  await sender.drain();
  const month = median(
    Array.from({ length: 7 }, (_, n) => {
      const t = performance.now();
      say("!ledger month", `m${n}`);
      return performance.now() - t;
    }),
  );
  const t1 = performance.now();
  backupDatabase(path, key, join(dir, "backup.db"));
  const backupMs = performance.now() - t1;
  opened.db.pragma("wal_checkpoint(TRUNCATE)");
  const readable = readFileSync(path).includes("night shift");
  const size = statSync(path).size / 1024 / 1024;
  opened.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `${label.padEnd(11)} open ${ms(openMs)} | ${perSecond.toFixed(0)} commands/s | !ledger month (${messages / rooms} entries) ${ms(month)} | backup ${ms(backupMs)} | ${size.toFixed(1)} MiB | text readable in the file: ${readable ? "yes" : "no"}`,
  );
}

console.log(
  `${messages} "!ledger thanks" commands in ${rooms} rooms, then the month digest of one room, then a backup`,
);
// Twice each, interleaved, so a noisy neighbour on the machine hits both sides alike.
for (const round of [1, 2]) {
  await run(`plain ${round}`, undefined);
  await run(`sqlcipher ${round}`, KEY);
}
