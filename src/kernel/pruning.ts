import type { Db } from "../platform/db.js";
import { perDb } from "../platform/per-db.js";

const DAY_MS = 24 * 3600_000;

/**
 * How long each kind of row is kept. The windows keep exactly-once: a Matrix redelivery (a
 * restarted sync, a gappy timeline) comes within hours, never weeks, and the inbox, which sees an
 * event first, keeps its closed rows a week (src/transport/matrix/inbox.ts); handled marks outlive
 * it twice over, so an event the inbox forgot still meets its mark. A scheduled post cannot be queued
 * twice after delivery (its job was claimed in the same transaction), so an outbox key is only
 * needed as long as the handled mark of the message it answers.
 */
export const RETENTION = {
  handledMarks: 14 * DAY_MS,
  /** Delivered messages without a ref: nothing can refer to them any more. */
  deliveredPlain: 14 * DAY_MS,
  /** Delivered messages with a ref (a plan, a poll): reactions and poll answers may still come. */
  deliveredWithRef: 90 * DAY_MS,
  /** Refused for good: kept a month for the operator to see the error code. */
  failed: 30 * DAY_MS,
} as const;

/** Deletes at most `limit` old rows of a transport's own tables (e.g. the Matrix inbox); returns how many. */
export type Pruner = (db: Db, now: number, limit: number) => number;

export interface PruneReport {
  handledMarks: number;
  outbox: number;
  transport: number;
}

/**
 * Rows per step: the first pruning of a database that grew for years deletes millions of rows; a
 * step of 1,000 holds the writer and the event loop ~15 ms (p99 ~50 ms on the 2-year bench,
 * bench/README.md), and messages are handled between steps. Smaller steps took no less each.
 */
export const PRUNE_BATCH = 1_000;

const statements = perDb((db) => ({
  handled: db.prepare(
    "DELETE FROM handled_events WHERE rowid IN (SELECT rowid FROM handled_events WHERE handled_at < ? LIMIT ?)",
  ),
  // Pending rows are never touched, whatever their age: they are still to be delivered.
  outbox: db.prepare(
    `DELETE FROM outbox WHERE id IN (SELECT id FROM outbox
       WHERE (sent_at IS NOT NULL OR failed_at IS NOT NULL) AND coalesce(sent_at, failed_at) < @oldest
       AND ((failed_at IS NOT NULL AND failed_at < @failed)
         OR (sent_at IS NOT NULL AND ref IS NULL AND sent_at < @plain)
         OR (sent_at IS NOT NULL AND ref IS NOT NULL AND sent_at < @withRef))
       LIMIT @limit)`,
  ),
}));

/** Deletes at most `limit` old rows of one table; returns how many. */
type TableBatch = { counts: keyof PruneReport; delete: (limit: number) => number };

/**
 * One pruning of every table, a step at a time: a step deletes at most `limit` rows in one
 * transaction, moving on to the next table when one has nothing old left (a crash leaves whole steps).
 */
export class PruningPass {
  readonly report: PruneReport = { handledMarks: 0, outbox: 0, transport: 0 };
  private readonly tables: TableBatch[];
  private table = 0;

  constructor(
    private readonly db: Db,
    now: number,
    pruners: readonly Pruner[] = [],
    private readonly limit = PRUNE_BATCH,
  ) {
    const s = statements(db);
    const cutoffs = {
      failed: now - RETENTION.failed,
      plain: now - RETENTION.deliveredPlain,
      withRef: now - RETENTION.deliveredWithRef,
    };
    const oldest = Math.max(cutoffs.failed, cutoffs.plain, cutoffs.withRef);
    this.tables = [
      { counts: "handledMarks", delete: (n) => s.handled.run(now - RETENTION.handledMarks, n).changes },
      { counts: "outbox", delete: (n) => s.outbox.run({ ...cutoffs, oldest, limit: n }).changes },
      ...pruners.map((prune): TableBatch => ({ counts: "transport", delete: (n) => prune(db, now, n) })),
    ];
  }

  get done(): boolean {
    return this.table >= this.tables.length;
  }

  /** Deletes at most one batch of rows; returns how many. */
  step(): number {
    return this.db.transaction(() => {
      let left = this.limit;
      while (!this.done && left > 0) {
        const table = this.tables[this.table]!;
        const deleted = table.delete(left);
        this.report[table.counts] += deleted;
        if (deleted < left) this.table++;
        left -= deleted;
      }
      return this.limit - left;
    })();
  }
}

/** Deletes what exactly-once no longer needs, all at once (step by step, without yielding). */
export function pruneOldRows(db: Db, now: number, pruners: readonly Pruner[] = [], limit = PRUNE_BATCH): PruneReport {
  const pass = new PruningPass(db, now, pruners, limit);
  while (!pass.done) pass.step();
  return pass.report;
}

const HOUR_MS = 3600_000;

export interface PruningEvents {
  done(report: PruneReport): void;
  failed(err: unknown): void;
}

/** Hands the next step to a later turn of the event loop, after the I/O that waits (a /sync, a command). */
export type Defer = (next: () => void) => void;
const nextTurn: Defer = (next) => void setImmediate(next);

/**
 * Starts a pruning at most once an hour, from the scheduler's tick (the first tick prunes at start).
 * Its first step runs at once (an hour's worth fits in it); the steps of a long one, the first
 * pruning of a database that grew for years, run one per turn of the event loop, each followed by
 * a checkpoint of the log in a turn of its own.
 */
export class HourlyPruning {
  private lastAt: number | undefined;
  private running: PruningPass | undefined;
  private stopped = false;
  private readonly pruners: Pruner[] = [];

  constructor(private readonly defer: Defer = nextTurn) {}

  /** A transport adds the pruning of its own tables (main.ts: the Matrix inbox). */
  add(pruner: Pruner): void {
    this.pruners.push(pruner);
  }

  /** Returns the pass it started, or undefined when none was due (or one is still running). */
  maybeRun(db: Db, now: number, events: PruningEvents, limit = PRUNE_BATCH): PruningPass | undefined {
    if (this.running) return undefined;
    if (this.lastAt !== undefined && now - this.lastAt < HOUR_MS && now >= this.lastAt) return undefined;
    this.lastAt = now;
    this.stopped = false;
    let pass: PruningPass;
    try {
      pass = new PruningPass(db, now, this.pruners, limit);
    } catch (err) {
      events.failed(err);
      return undefined;
    }
    this.running = pass;
    this.continue(db, pass, events);
    return pass;
  }

  /** No further step runs (the database is about to close); the next pruning takes up what is left. */
  stop(): void {
    this.stopped = true;
    this.running = undefined;
  }

  private continue(db: Db, pass: PruningPass, events: PruningEvents): void {
    if (!this.turn(pass, events, () => pass.step())) return;
    if (pass.done) {
      this.running = undefined;
      events.done(pass.report);
      return;
    }
    // A step fills the log with its pages (SQLite would copy them out inside some later commit, a
    // command's, 100–300 ms for a few steps' worth): copied out in a turn of its own instead.
    this.defer(() => {
      if (this.turn(pass, events, () => checkpointLog(db))) this.defer(() => this.continue(db, pass, events));
    });
  }

  /** Runs one turn's work unless stopped; false when the pass ends here (stopped or failed). */
  private turn(pass: PruningPass, events: PruningEvents, work: () => void): boolean {
    if (this.stopped || this.running !== pass) return false;
    try {
      work();
      return true;
    } catch (err) {
      this.running = undefined;
      events.failed(err);
      return false;
    }
  }
}

/**
 * Copies the write-ahead log into the database file from the tick, between messages. Otherwise
 * SQLite does it inside the commit of whichever command fills the log's 1,000 pages, which on the
 * encrypted file takes 20–30 ms: the whole tail of a command's handling (bench/README.md). PASSIVE
 * never waits for a reader; under a burst of commands SQLite's own checkpoint still bounds the log.
 */
export function checkpointLog(db: Db): void {
  db.pragma("wal_checkpoint(PASSIVE)");
}
