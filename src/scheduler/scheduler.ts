import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { RoomSettingsView } from "../core/command.js";
import type { Doc } from "../core/doc.js";
import { decideRunWith, DEFAULT_GRACE_MS } from "../domain/time/missed-run.js";
import { translator, type Translator } from "../i18n/index.js";
import { errorForLog } from "../log.js";
import type { Db } from "../store/db.js";
import type { RoomView } from "../transport/port.js";
import { jobsRepo, type Job } from "../store/jobs.js";
import { enqueue } from "../store/outbox.js";
import { roomSettings } from "../store/room-settings.js";
import { nextFiring } from "./plan.js";
import { replanRoom } from "./schedule.js";

export interface PostContext {
  db: Db;
  job: Job;
  /** The occurrence being posted (not the moment the tick ran). */
  scheduledFor: number;
  now: number;
  settings: RoomSettingsView;
  t: Translator;
  /** The command prefix, for the hints a post gives ("type !careplan done 3"). */
  prefix: string;
  /** Display names for mentions, when the transport knows them. */
  room?: RoomView;
}

/** Builds a scheduled post; null when there is nothing worth posting this time. Runs in the claim's transaction. */
export type PostHandler = (ctx: PostContext) => Doc | Doc[] | null;

export interface SchedulerDeps {
  db: Db;
  clock: () => number;
  handlers: Readonly<Record<string, PostHandler>>;
  defaults: RoomSettingsView;
  /** The command prefix; "!" unless configured otherwise. */
  prefix?: string;
  log: Logger;
  room?: RoomView;
  graceMs?: number;
  /** Called after posts were committed to the outbox, to wake the sender. */
  onEnqueued?: () => void;
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

  constructor(private readonly deps: SchedulerDeps) {}

  tick(): TickReport {
    const { db, log } = this.deps;
    const now = this.deps.clock();
    this.followZoneChanges(now);
    const report: TickReport = { fired: 0, skipped: 0, failed: 0 };
    for (const job of jobsRepo(db).due(now)) {
      try {
        const outcome = db.transaction(() => this.run(job, now))();
        if (outcome === "fired") report.fired++;
        else if (outcome === "skipped") report.skipped++;
      } catch (err) {
        report.failed++;
        log.error({ jobId: job.id, kind: job.kind, err: errorForLog(err) }, "scheduled post failed; moving on to its next run");
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
    const handler = this.deps.handlers[job.kind];
    if (!handler) throw new Error(`no handler for scheduled post kind ${job.kind}`);
    const settings = roomSettings(db, job.roomId, this.deps.defaults);
    const t = translator(settings.language);
    const posts = handler({ db, job, scheduledFor: decision.scheduledFor, now, settings, t, prefix: this.deps.prefix ?? "!", ...(this.deps.room ? { room: this.deps.room } : {}) });
    // A post says itself what it is about (its `ref`): not every post of a job invites a reaction.
    [posts ?? []].flat().forEach((doc, part) =>
      enqueue(db, { roomId: job.roomId, key: runKey(job.id, decision.scheduledFor, part), kind: "notice", doc, ...(doc.ref ? { ref: doc.ref } : {}) }, now),
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

  /** Rooms whose zone changed get their future jobs re-planned in the new zone. */
  private followZoneChanges(now: number): void {
    const { db, defaults } = this.deps;
    const rooms = new Set(jobsRepo(db).allActive().map((j) => j.roomId));
    for (const roomId of rooms) {
      const zone = roomSettings(db, roomId, defaults).timezone;
      db.transaction(() => replanRoom(db, roomId, zone, now))();
    }
  }

  /**
   * node-cron only ticks: every run is decided from the database, so the tick can be coarse, and
   * a tick that overlaps the previous one is skipped rather than queued.
   */
  start(everySeconds = 30): void {
    if (this.task) return;
    this.safeTick();
    this.task = cron.schedule(`*/${everySeconds} * * * * *`, () => this.safeTick(), { name: "tandem-scheduler", noOverlap: true });
  }

  stop(): void {
    void this.task?.destroy();
    this.task = undefined;
  }

  private safeTick(): void {
    try {
      this.tick();
    } catch (err) {
      this.deps.log.error({ err: errorForLog(err) }, "scheduler tick failed");
    }
  }
}
