import type { Db } from "../../platform/db.js";
import { nextOccurrence, type Rule } from "../time/recurrence.js";
import { jobsRepo, type Job, type JobSpec } from "./jobs.js";

export interface Plannable {
  rule: Rule;
  zone: string;
  offsetMinutes: number;
}

/** The next firing strictly after `afterUtc`: the rule's occurrence, shifted by the job's offset. */
export function nextFiring(job: Plannable, afterUtc: number): number | null {
  const shift = job.offsetMinutes * 60_000;
  const occurrence = nextOccurrence(job.rule, job.zone, afterUtc - shift);
  return occurrence === null ? null : occurrence + shift;
}

/** Adds a job with its first run planned after `now`; call inside the command's transaction. */
export function scheduleJob(db: Db, spec: JobSpec, now: number): Job {
  const offsetMinutes = spec.offsetMinutes ?? 0;
  const nextRunUtc = nextFiring({ rule: spec.rule, zone: spec.zone, offsetMinutes }, now);
  return jobsRepo(db).insert({ ...spec, offsetMinutes, nextRunUtc }, now);
}

/** Replaces the room's single job of a kind (e.g. the rotation announcement), keeping its history. */
export function upsertRoomJob(db: Db, spec: JobSpec, now: number): Job {
  const repo = jobsRepo(db);
  const existing = repo.byKind(spec.roomId, spec.kind)[0];
  if (!existing) return scheduleJob(db, spec, now);
  const offsetMinutes = spec.offsetMinutes ?? 0;
  const after = Math.max(now, existing.lastRunUtc ?? now);
  const nextRunUtc = nextFiring({ rule: spec.rule, zone: spec.zone, offsetMinutes }, after);
  repo.update(existing.id, {
    rule: spec.rule,
    offsetMinutes,
    payload: spec.payload ?? {},
    zone: spec.zone,
    nextRunUtc,
  });
  return repo.get(existing.id) as Job;
}

/**
 * Re-plans a room's future jobs in a new zone: recurring rules are wall-clock times, so "Monday 09:00"
 * stays 09:00 in the new zone. A one-off was announced as an instant (a proposal's deadline, a
 * plan's start): it keeps that instant. Jobs already
 * due keep their run; nothing fires twice for one occurrence.
 */
export function replanRoom(db: Db, roomId: string, zone: string, now: number): number {
  const repo = jobsRepo(db);
  let changed = 0;
  for (const job of repo.activeInRoom(roomId)) {
    if (job.zone === zone || (job.nextRunUtc !== null && job.nextRunUtc <= now)) continue;
    if (job.rule.kind === "once" && job.nextRunUtc !== null) {
      repo.update(job.id, { ...job, rule: onceAt(job), zone, nextRunUtc: job.nextRunUtc });
      changed++;
      continue;
    }
    const after = Math.max(now, job.lastRunUtc ?? now);
    repo.replan(job.id, zone, nextFiring({ ...job, zone }, after));
    changed++;
  }
  return changed;
}

/** A one-off's rule as the instant it fires at (its offset taken off): the same in every zone. */
function onceAt(job: Job): Job["rule"] {
  return { kind: "once", at: (job.nextRunUtc as number) - job.offsetMinutes * 60_000 };
}
