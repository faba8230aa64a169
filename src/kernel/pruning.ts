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
 * Rows per transaction: the first pruning of a database that grew for years deletes millions of
 * rows, and one transaction that long would hold the writer lock while commands wait.
 */
export const PRUNE_BATCH = 5_000;

const statements = perDb((db) => ({
  handled: db.prepare("DELETE FROM handled_events WHERE rowid IN (SELECT rowid FROM handled_events WHERE handled_at < ? LIMIT ?)"),
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

/** Repeats one batch, each in its own transaction, until a batch comes back short. */
function inBatches(db: Db, batch: (limit: number) => number, limit: number): number {
  let total = 0;
  for (;;) {
    const deleted = db.transaction(() => batch(limit))();
    total += deleted;
    if (deleted < limit) return total;
  }
}

/** Deletes what exactly-once no longer needs, a batch at a time (a crash leaves whole batches). */
export function pruneOldRows(db: Db, now: number, pruners: readonly Pruner[] = [], limit = PRUNE_BATCH): PruneReport {
  const s = statements(db);
  const handledMarks = inBatches(db, (n) => s.handled.run(now - RETENTION.handledMarks, n).changes, limit);
  const cutoffs = { failed: now - RETENTION.failed, plain: now - RETENTION.deliveredPlain, withRef: now - RETENTION.deliveredWithRef };
  const oldest = Math.max(cutoffs.failed, cutoffs.plain, cutoffs.withRef);
  const outbox = inBatches(db, (n) => s.outbox.run({ ...cutoffs, oldest, limit: n }).changes, limit);
  const transport = pruners.reduce((sum, prune) => sum + inBatches(db, (n) => prune(db, now, n), limit), 0);
  return { handledMarks, outbox, transport };
}

const HOUR_MS = 3600_000;

/** Runs pruneOldRows at most once an hour, from the scheduler's tick (the first tick prunes at start). */
export class HourlyPruning {
  private lastAt: number | undefined;
  private readonly pruners: Pruner[] = [];

  /** A transport adds the pruning of its own tables (main.ts: the Matrix inbox). */
  add(pruner: Pruner): void {
    this.pruners.push(pruner);
  }

  maybeRun(db: Db, now: number): PruneReport | undefined {
    if (this.lastAt !== undefined && now - this.lastAt < HOUR_MS && now >= this.lastAt) return undefined;
    this.lastAt = now;
    return pruneOldRows(db, now, this.pruners);
  }
}
