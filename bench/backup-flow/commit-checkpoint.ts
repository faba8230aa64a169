/**
 * What a key-backup pass's commit costs on Tandem's encrypted file, with SQLite's automatic
 * checkpoint inside commits (as before) and with the checkpoints in a worker thread
 * (src/platform/background-checkpoint.ts, as the bot now runs): 300 transactions each rewriting
 * 100 rows of 2.2 KB, the shape of the crypto store's mirror marking a batch of room keys backed up.
 * Run: node dist/bench/backup-flow/commit-checkpoint.js
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { startBackgroundCheckpoints } from "../../src/platform/background-checkpoint.js";
import { openDatabase } from "../../src/platform/db.js";
import { percentile } from "../floor/processes.js";

const PASSES = 300;
const ROWS = 100;

async function commits(background: boolean): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-commit-checkpoint-"));
  const path = join(dir, "tandem.db");
  const key = randomBytes(32).toString("hex");
  const opened = openDatabase(path, { key });
  try {
    opened.db.exec("CREATE TABLE records (key TEXT PRIMARY KEY, value BLOB NOT NULL)");
    const put = opened.db.prepare("INSERT OR REPLACE INTO records (key, value) VALUES (?, ?)");
    const checkpoints = background
      ? startBackgroundCheckpoints(opened.db, { path, key, log: pino({ level: "warn" }) })
      : undefined;
    const times: number[] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      const start = performance.now();
      opened.db.transaction(() => {
        for (let i = 0; i < ROWS; i++) put.run(`room-key-${(pass * ROWS + i) % 20_000}`, randomBytes(2200));
      })();
      times.push(performance.now() - start);
      // A pass then waits for the homeserver; the worker's checkpoint runs meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await checkpoints?.stop();
    return times.sort((a, b) => a - b);
  } finally {
    opened.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (t: number[]) =>
  `p50 ${percentile(t, 50).toFixed(1)} ms, p90 ${percentile(t, 90).toFixed(1)} ms, p99 ${percentile(t, 99).toFixed(1)} ms, max ${t.at(-1)!.toFixed(1)} ms`;
for (const round of [1, 2]) {
  console.log(`round ${round}, checkpoints inside commits:  ${fmt(await commits(false))}`);
  console.log(`round ${round}, checkpoints in a worker:     ${fmt(await commits(true))}`);
}
