import { statSync } from "node:fs";
import type { Logger } from "pino";
import { FALLBACK_AUTOCHECKPOINT_PAGES, startBackgroundCheckpoints } from "../../src/platform/background-checkpoint.js";
import { openDatabase } from "../../src/platform/db.js";
import { tempDatabasePath } from "../support/db.js";

const KEY = "a-long-random-database-key-for-checkpoints";
const ROWS = 200; // 200 rows of 4 KB: ≈ 400 pages in the log, well under SQLite's own 1,000-page checkpoint

/** A logger that keeps what was warned. */
function logSpy(): Logger & { warned: unknown[][] } {
  const warned: unknown[][] = [];
  return { warned, warn: (...args: unknown[]) => warned.push(args) } as unknown as Logger & { warned: unknown[][] };
}

async function until(what: string, done: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("background checkpoints", () => {
  let temp: ReturnType<typeof tempDatabasePath>;
  beforeEach(() => {
    temp = tempDatabasePath();
  });
  afterEach(() => temp.remove());

  it("copy the log into the encrypted file from their own connection, while the bot's commits leave it there", async () => {
    const opened = openDatabase(temp.path, { key: KEY });
    opened.db.exec("CREATE TABLE blobs (n INTEGER PRIMARY KEY, data BLOB NOT NULL)");
    opened.db.pragma("wal_checkpoint(TRUNCATE)");
    const emptyFile = statSync(temp.path).size;
    const checkpoints = startBackgroundCheckpoints(opened.db, {
      path: temp.path,
      key: KEY,
      log: logSpy(),
      everyMs: 20,
    });
    expect(opened.db.pragma("wal_autocheckpoint", { simple: true })).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    const insert = opened.db.prepare("INSERT INTO blobs (n, data) VALUES (?, ?)");
    for (let n = 0; n < ROWS; n++) insert.run(n, Buffer.alloc(4096, n % 251));
    // Below 1,000 log pages the bot's own connection never checkpoints: only the worker fills the file.
    await until("the file holds the rows", () => statSync(temp.path).size > emptyFile + ROWS * 4096);
    await checkpoints.stop();
    opened.close();

    const reopened = openDatabase(temp.path, { key: KEY });
    expect(reopened.db.prepare("SELECT count(*) FROM blobs").pluck().get()).toBe(ROWS);
    expect((reopened.db.prepare("SELECT data FROM blobs WHERE n = 199").pluck().get() as Buffer)[0]).toBe(199);
    reopened.close();
  }, 30_000);

  it("hand checkpoints back to the bot's connection, with a warning, when their connection cannot open the file", async () => {
    const opened = openDatabase(temp.path, { key: KEY });
    opened.db.exec("CREATE TABLE blobs (n INTEGER PRIMARY KEY)");
    const log = logSpy();
    startBackgroundCheckpoints(opened.db, { path: temp.path, key: "not-the-key", log, everyMs: 20 });
    await until("the worker gave up", () => log.warned.length > 0);
    await until("the pragma is back", () => opened.db.pragma("wal_autocheckpoint", { simple: true }) === 1000);
    expect(log.warned[0]![1]).toMatch(/background checkpoints stopped/);
    opened.close();
  }, 30_000);
});
