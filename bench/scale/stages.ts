// Where one command's handling time goes, stage by stage, without touching the dispatcher: the
// bench wraps the dispatcher's stage methods, the commands' run and render, and the connection's
// outermost transaction, and notes the time at each boundary. Bench-only (it patches prototypes).
import { performance } from "node:perf_hooks";
import type { AnyCommand } from "../../src/kernel/command.js";
import { Dispatcher } from "../../src/kernel/dispatcher.js";
import type { Db } from "../../src/platform/db.js";

/** In order: each stage lasts from the previous boundary to its own. */
export const STAGES = [
  "mark", // the transaction opened, the handled mark inserted
  "settings", // the room's settings and translator
  "find", // tokenize, find the command, choose the reading
  "context", // the command's context (member, level, slice, jobs)
  "authorize", // level and rate limit
  "bind", // arguments bound and checked by zod, savepoint opened
  "run", // the command's own work (its queries and writes)
  "render", // the result as a document, fitted to one event
  "enqueue", // the reply inserted into the outbox
  "commit", // the transaction committed (WAL append, and a checkpoint when one is due)
] as const;
export type Stage = (typeof STAGES)[number];

type Marks = Partial<Record<Stage | "start", number>>;

export interface StageProfiler {
  /** Times one handling; returns its stages' durations in ms. */
  time(handle: () => unknown): Record<Stage, number>;
}

function wrap<T extends object>(target: T, method: string, before: () => void, after: () => void): void {
  const original = (target as Record<string, (...args: unknown[]) => unknown>)[method]!;
  (target as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    before();
    try {
      return original.apply(this, args);
    } finally {
      after();
    }
  };
}

export function profileStages(db: Db, commands: readonly AnyCommand[]): StageProfiler {
  let marks: Marks | undefined;
  const at = (stage: Stage | "start") => () => {
    if (marks && marks[stage] === undefined) marks[stage] = performance.now();
  };
  const none = () => {};
  const proto = Dispatcher.prototype as unknown as Record<string, unknown>;
  wrap(proto, "begin", at("mark"), at("settings"));
  wrap(proto, "context", at("find"), at("context"));
  wrap(proto, "rateLimit", none, at("authorize"));
  for (const command of commands) wrap(command, "run", at("bind"), at("run"));
  wrap(proto, "enqueueReplies", at("render"), at("enqueue"));
  // The outermost transaction: its function returning is the start of the commit.
  let depth = 0;
  const transaction = db.transaction.bind(db);
  (db as unknown as { transaction: unknown }).transaction = (fn: (...args: unknown[]) => unknown) => {
    const inner = transaction((...args: unknown[]) => {
      depth++;
      try {
        return fn(...args);
      } finally {
        depth--;
      }
    });
    return (...args: unknown[]) => {
      const outer = depth === 0;
      const result = inner(...args);
      if (outer) at("commit")();
      return result;
    };
  };
  return {
    time(handle) {
      marks = { start: performance.now() };
      handle();
      const done = marks;
      marks = undefined;
      const result = {} as Record<Stage, number>;
      let previous = done.start!;
      for (const stage of STAGES) {
        const t = done[stage] ?? previous;
        result[stage] = t - previous;
        previous = t;
      }
      return result;
    },
  };
}
