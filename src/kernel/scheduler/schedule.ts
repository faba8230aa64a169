import type { Db } from "../../platform/db.js";
import { formatLocalDateTime, toLocal } from "../time/local-time.js";
import { jobsRepo, type Job, type JobSpec } from "./jobs.js";
import { nextFiring } from "./plan.js";

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
  repo.update(existing.id, { rule: spec.rule, offsetMinutes, payload: spec.payload ?? {}, zone: spec.zone, nextRunUtc });
  return repo.get(existing.id) as Job;
}

/**
 * Re-plans a room's future jobs in a new zone: recurring rules are wall-clock times, so "Monday 09:00"
 * stays 09:00 in the new zone. A one-off was announced as an instant (a proposal's deadline, a
 * plan's start): it keeps that instant, written again as the new zone's clock reads it. Jobs already
 * due keep their run; nothing fires twice for one occurrence.
 */
export function replanRoom(db: Db, roomId: string, zone: string, now: number): number {
  const repo = jobsRepo(db);
  let changed = 0;
  for (const job of repo.activeInRoom(roomId)) {
    if (job.zone === zone || (job.nextRunUtc !== null && job.nextRunUtc <= now)) continue;
    if (job.rule.kind === "once" && job.nextRunUtc !== null) {
      repo.update(job.id, { ...job, rule: onceIn(job, zone), zone, nextRunUtc: job.nextRunUtc });
      changed++;
      continue;
    }
    const after = Math.max(now, job.lastRunUtc ?? now);
    repo.replan(job.id, zone, nextFiring({ ...job, zone }, after));
    changed++;
  }
  return changed;
}

/** A one-off's rule in another zone, firing at the same instant (its offset included). */
function onceIn(job: Job, zone: string): Job["rule"] {
  const occurrence = (job.nextRunUtc as number) - job.offsetMinutes * 60_000;
  return { kind: "once", at: formatLocalDateTime(toLocal(zone, occurrence)) };
}
