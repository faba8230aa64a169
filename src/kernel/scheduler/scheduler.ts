import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { Db } from "../../platform/db.js";
import { errorForLog } from "../../platform/log.js";
import { perDb } from "../../platform/per-db.js";
import type { RoomSettingsView } from "../command.js";
import { CommandIndex } from "../command-index.js";
import { fitToEvent } from "../doc-limit.js";
import type { AnyFeature } from "../feature.js";
import { elsewhereFrom } from "../elsewhere.js";
import { renderContextFor } from "../room-context.js";
import type { Texts } from "../i18n/index.js";
import { enqueue } from "../outbox/outbox.js";
import type { RoomView } from "../port.js";
import { roomSettings } from "../room-settings.js";
import { decideRunWith, DEFAULT_GRACE_MS } from "../time/missed-run.js";
import { jobsRepo, type Job } from "./jobs.js";
import { checkpointLog, HourlyPruning } from "../pruning.js";
import type { PostHandler } from "./post.js";
import { roomJobs } from "./room-jobs.js";
import { nextFiring, replanRoom } from "./schedule.js";

export interface SchedulerDeps {
  db: Db;
  clock: () => number;
  features: readonly AnyFeature[];
  texts: Texts;
  defaults: RoomSettingsView;
  /** The command prefix; "!" unless configured otherwise. */
  prefix?: string;
  log: Logger;
  room?: RoomView;
  graceMs?: number;
  /**
   * Runs only this room's jobs (console mode, one room per session): the others stay due, to run,
   * or be skipped as missed, when their own room is open again.
   */
  onlyRoomId?: string;
  /** Called after posts were committed to the outbox, to wake the sender. */
  onEnqueued?: () => void;
}

interface Kind {
  handler: PostHandler;
  slice: (db: Db) => unknown;
}

export interface TickReport {
  fired: number;
  skipped: number;
  failed: number;
}

/** The outbox key of one run: the same occurrence of the same job can only ever be queued once. */
export function runKey(jobId: number, scheduledFor: number, part = 0): string {
  return `job:${jobId}:${scheduledFor}${part > 0 ? `/${part + 1}` : ""}`;
}

/**
 * The durable scheduler. The schedule lives in the jobs table; a tick claims each due row and
 * queues its post in one transaction, so a crash before the commit leaves the job due (it runs
 * again, once) and a crash after it leaves the post in the outbox (sent once, keyed by the run).
 */
export class Scheduler {
  private task: ScheduledTask | undefined;
  /** Wakes the scheduler at the instant of a run due before the next tick. */
  private timer: NodeJS.Timeout | undefined;
  private tickMs = 30_000;
  private readonly kinds = new Map<string, Kind>();
  private readonly index: CommandIndex;
  /** Old handled marks and delivered outbox rows go hourly, from this tick (the first tick at start). */
  readonly pruning = new HourlyPruning();

  constructor(private readonly deps: SchedulerDeps) {
    for (const feature of deps.features) {
      const slice = perDb((db) => feature.services(db));
      for (const [kind, handler] of Object.entries(feature.posts ?? {})) {
        if (this.kinds.has(kind)) throw new Error(`two features post the kind ${kind}`);
        this.kinds.set(kind, { handler: handler as PostHandler, slice });
      }
    }
    this.index = new CommandIndex(deps.features.flatMap((f) => f.commands));
  }

  tick(): TickReport {
    const { db, log } = this.deps;
    const now = this.deps.clock();
    this.followZoneChanges(now);
    this.prune(now);
    const report: TickReport = { fired: 0, skipped: 0, failed: 0 };
    for (const job of jobsRepo(db).due(now)) {
      if (this.deps.onlyRoomId !== undefined && job.roomId !== this.deps.onlyRoomId) continue;
      try {
        const outcome = db.transaction(() => this.run(job, now))();
        if (outcome === "fired") report.fired++;
        else if (outcome === "skipped") report.skipped++;
      } catch (err) {
        report.failed++;
        log.error(
          { jobId: job.id, kind: job.kind, err: errorForLog(err) },
          "scheduled post failed; moving on to its next run",
        );
        this.moveOn(job, now);
      }
    }
    if (report.fired > 0) this.deps.onEnqueued?.();
    return report;
  }

  private run(job: Job, now: number): "fired" | "skipped" | "lost" {
    const { db } = this.deps;
    const expected = job.nextRunUtc as number;
    const decision = decideRunWith((after) => nextFiring(job, after), {
      nextRunUtc: expected,
      lastRunUtc: job.lastRunUtc,
      nowUtc: now,
      graceMs: this.deps.graceMs ?? DEFAULT_GRACE_MS,
    });
    if (decision.kind === "wait") return "lost";
    const fired = decision.kind === "fire";
    if (!jobsRepo(db).claim(job.id, expected, decision.nextRunUtc, fired ? decision.scheduledFor : null)) return "lost";
    if (!fired) return "skipped";
    const kind = this.kinds.get(job.kind);
    if (!kind) throw new Error(`no handler for scheduled post kind ${job.kind}`);
    const contexts = {
      db,
      texts: this.deps.texts,
      index: this.index,
      prefix: this.deps.prefix ?? "!",
      defaults: this.deps.defaults,
      room: this.deps.room,
    };
    const view = renderContextFor(contexts, job.roomId, now);
    const t = view.t;
    const posts = kind.handler({
      ...view,
      job,
      scheduledFor: decision.scheduledFor,
      slice: kind.slice(db),
      jobs: roomJobs(db, job.roomId, view.settings.timezone, now),
      elsewhere: elsewhereFrom(contexts, runKey(job.id, decision.scheduledFor), now).of,
    });
    // A post says itself what it is about (its `ref`): not every post of a job invites a reaction.
    [posts ?? []]
      .flat()
      .map((post) => fitToEvent(post, t))
      .forEach((doc, part) =>
        enqueue(
          db,
          {
            roomId: job.roomId,
            key: runKey(job.id, decision.scheduledFor, part),
            kind: "notice",
            doc,
            ...(doc.ref ? { ref: doc.ref } : {}),
          },
          now,
        ),
      );
    return "fired";
  }

  /** A post that cannot be built must not block its job forever: skip this occurrence. */
  private moveOn(job: Job, now: number): void {
    try {
      jobsRepo(this.deps.db).claim(job.id, job.nextRunUtc as number, nextFiring(job, now), null);
    } catch (err) {
      this.deps.log.error({ jobId: job.id, err: errorForLog(err) }, "could not move a failed job on");
    }
  }

  /** Pruning and the log's checkpoint are housekeeping: a failure is logged (counts only) and never stops the posts. */
  private prune(now: number): void {
    const { db, log } = this.deps;
    this.pruning.maybeRun(db, now, {
      done: (pruned) => log.debug(pruned, "old rows pruned"),
      failed: (err) => log.error({ err: errorForLog(err) }, "pruning old rows failed"),
    });
    try {
      checkpointLog(db);
    } catch (err) {
      log.error({ err: errorForLog(err) }, "checkpointing the database log failed");
    }
  }

  /**
   * Rooms whose zone changed get their future jobs re-planned in the new zone. Every tick asks, so
   * it reads only rooms and zones, and writes only where a zone differs.
   */
  private followZoneChanges(now: number): void {
    const { db, defaults } = this.deps;
    for (const { roomId, zone } of jobsRepo(db).plannedZones()) {
      const current = roomSettings(db, roomId, defaults).timezone;
      if (current !== zone) db.transaction(() => replanRoom(db, roomId, current, now))();
    }
  }

  /**
   * node-cron only ticks: every run is decided from the database, so the tick can be coarse, and
   * a tick that overlaps the previous one is skipped rather than queued.
   */
  start(everySeconds = 30): void {
    if (this.task) return;
    this.tickMs = everySeconds * 1_000;
    this.task = cron.schedule(`*/${everySeconds} * * * * *`, () => this.safeTick(), {
      name: "tandem-scheduler",
      noOverlap: true,
    });
    this.safeTick();
  }

  stop(): void {
    this.pruning.stop();
    void this.task?.destroy();
    this.task = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private safeTick(): void {
    try {
      this.tick();
    } catch (err) {
      this.deps.log.error({ err: errorForLog(err) }, "scheduler tick failed");
    }
    this.wakeAtNextRun();
  }

  /**
   * A run due before the next tick gets a timer for its very instant: a day of action starts in every
   * cell, on every Tandem, at the same second rather than up to a tick late. Any run planned at least a
   * tick ahead is seen by one tick before it (times are typed to the minute, ticks are under a minute).
   */
  private wakeAtNextRun(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.task) return;
    try {
      const now = this.deps.clock();
      const next = jobsRepo(this.deps.db).nextRunAfter(now);
      if (next === null || next - now >= this.tickMs) return;
      this.timer = setTimeout(() => this.safeTick(), next - now);
    } catch (err) {
      this.deps.log.error({ err: errorForLog(err) }, "could not plan the scheduler's next wake");
    }
  }
}
