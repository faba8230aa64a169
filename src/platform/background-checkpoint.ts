import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Logger } from "pino";
import { SQLCIPHER_PRAGMAS, type Db } from "./db.js";

/**
 * Copies the write-ahead log into the database file from a worker thread, on a connection of its
 * own, so that no commit on the event loop pays for it. Without it SQLite checkpoints inside
 * whichever commit fills 1,000 log pages: on the encrypted file that copy holds the event loop
 * 20–120 ms, and while the crypto store backs up room keys (100 rewritten rows a pass, mirrored
 * into this file) it fell inside commands' commits and key-backup passes alike (bench/README.md,
 * "Key backup with commands flowing"). A passive checkpoint never waits for the bot's connection
 * and never blocks it: WAL lets one connection write while another copies older pages.
 */
export interface BackgroundCheckpoints {
  /** Lets the worker finish its current checkpoint, close its connection and exit. */
  stop(): Promise<void>;
}

/**
 * The bot's own connection still checkpoints when the log passes this many pages (≈ 40 MiB): a
 * bound for when the worker cannot keep up or has stopped, never the usual path.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

export interface BackgroundCheckpointOptions {
  path: string;
  key: string | undefined;
  log: Logger;
  everyMs?: number;
}

/**
 * The worker: its own connection to the file (the key derivation runs there too, off the event
 * loop), a passive checkpoint every `everyMs`, closed when told to stop. Given as source so that it
 * runs the same from the build and from the sources under test; it needs only the driver.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
if (workerData.key !== undefined) {
  for (const pragma of workerData.cipherPragmas) db.pragma(pragma);
  db.key(Buffer.from(workerData.key, "utf8"));
}
const timer = setInterval(() => db.pragma("wal_checkpoint(PASSIVE)"), workerData.everyMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export function startBackgroundCheckpoints(db: Db, options: BackgroundCheckpointOptions): BackgroundCheckpoints {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver: createRequire(import.meta.url).resolve("better-sqlite3-multiple-ciphers"),
      path: options.path,
      key: options.key,
      cipherPragmas: SQLCIPHER_PRAGMAS,
      everyMs: options.everyMs ?? 1000,
    },
  });
  db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  // Only an error's code is logged: a message from SQLite may quote a path, never data, but codes are enough.
  worker.on("error", (err: unknown) =>
    options.log.warn(
      { code: (err as { code?: unknown }).code ?? "unknown" },
      "background checkpoints stopped; commits checkpoint the database themselves",
    ),
  );
  worker.on("exit", () => {
    if (db.open) db.pragma("wal_autocheckpoint = 1000");
  });
  worker.unref();
  return {
    async stop() {
      // Held until it has closed its connection, or a process with nothing else to do would exit first.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
