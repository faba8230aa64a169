import { jest } from "@jest/globals";
import { DateTime } from "luxon";
import { pino } from "pino";
import { doc, p } from "../../src/kernel/doc.js";
import { defineFeature } from "../../src/kernel/feature.js";
import { kernelTexts, Texts } from "../../src/kernel/i18n/index.js";
import { pendingMessages } from "../../src/kernel/outbox/outbox.js";
import { OutboxSender } from "../../src/kernel/outbox/sender.js";
import { setRoomTimezone } from "../../src/kernel/room-settings.js";
import { jobsRepo } from "../../src/kernel/scheduler/jobs.js";
import { scheduleJob } from "../../src/kernel/scheduler/schedule.js";
import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { runKey, Scheduler } from "../../src/kernel/scheduler/scheduler.js";
import type { Db } from "../../src/platform/db.js";
import { FakeClock } from "../support/clock.js";
import { openMigrated, tempDatabasePath } from "../support/db.js";
import { FakeTransport } from "../support/fake-transport.js";

const ROOM = "!cell:example.org";
const MADRID = "Europe/Madrid";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const silentLog = pino({ level: "silent" });

const echo: PostHandler = ({ scheduledFor, job }) => doc(p(`${job.kind} ${new Date(scheduledFor).toISOString()}`));

/** A feature that only posts, the kind "ping", with `post`. */
const pinging = (post: PostHandler) =>
  defineFeature({ name: "ping", services: () => ({}), commands: [], posts: { ping: post }, texts: { en: {}, es: {} } });

function makeScheduler(db: Db, clock: FakeClock, post: PostHandler = echo, graceMs?: number, log = silentLog) {
  return new Scheduler({
    db,
    clock: clock.read,
    features: [pinging(post)],
    texts: new Texts([kernelTexts]),
    defaults: { language: "en", timezone: MADRID },
    log,
    ...(graceMs === undefined ? {} : { graceMs }),
  });
}

function queued(db: Db): string[] {
  return pendingMessages(db).map((m) => m.key);
}

function localTimes(db: Db, zone = MADRID): string[] {
  return pendingMessages(db).map((m) => {
    const iso = /(\d{4}-\S+Z)/.exec(JSON.stringify(m.doc))?.[1] ?? "";
    return DateTime.fromISO(iso, { zone }).toFormat("yyyy-MM-dd HH:mm");
  });
}

/** Ticks every `stepMs` from the clock's time until `untilIso`, like the real timer would. */
function runUntil(scheduler: Scheduler, clock: FakeClock, untilIso: string, stepMs = 15 * 60_000): void {
  const until = Date.parse(untilIso);
  while (clock.now < until) {
    clock.advance(stepMs);
    scheduler.tick();
  }
}

describe("durable scheduler", () => {
  let opened: ReturnType<typeof openMigrated>;
  afterEach(() => opened.close());

  it("keeps a Monday 09:00 post at 09:00 local across spring forward and fall back", () => {
    opened = openMigrated();
    const clock = new FakeClock(Date.parse("2026-03-20T00:00Z"));
    scheduleJob(
      opened.db,
      { roomId: ROOM, kind: "ping", rule: { kind: "weekly", weekday: 1, time: "09:00" }, zone: MADRID },
      clock.now,
    );
    const scheduler = makeScheduler(opened.db, clock);
    runUntil(scheduler, clock, "2026-04-07T00:00Z", HOUR);
    expect(localTimes(opened.db)).toEqual(["2026-03-23 09:00", "2026-03-30 09:00", "2026-04-06 09:00"]);
    clock.set("2026-10-17T00:00Z");
    scheduler.tick(); // the post of 2026-10-12 is far beyond grace: skipped
    runUntil(scheduler, clock, "2026-11-03T00:00Z", HOUR);
    expect(localTimes(opened.db).slice(3)).toEqual(["2026-10-19 09:00", "2026-10-26 09:00", "2026-11-02 09:00"]);
  });

  it("fires a time that does not exist on the spring-forward day once, and a repeated one once", () => {
    opened = openMigrated();
    const clock = new FakeClock(Date.parse("2026-03-28T00:00Z"));
    scheduleJob(
      opened.db,
      { roomId: ROOM, kind: "ping", rule: { kind: "weekly", weekday: 7, time: "02:30" }, zone: MADRID },
      clock.now,
    );
    const scheduler = makeScheduler(opened.db, clock);
    runUntil(scheduler, clock, "2026-03-30T00:00Z", 5 * 60_000);
    expect(pendingMessages(opened.db)).toHaveLength(1);
    expect(JSON.stringify(pendingMessages(opened.db)[0]?.doc)).toContain("2026-03-29T01:30:00.000Z");

    clock.set("2026-10-24T00:00Z");
    const fallJob = scheduleJob(
      opened.db,
      { roomId: ROOM, kind: "ping", rule: { kind: "weekly", weekday: 7, time: "02:30" }, zone: MADRID },
      clock.now,
    );
    runUntil(scheduler, clock, "2026-10-26T00:00Z", 5 * 60_000);
    const fallPosts = pendingMessages(opened.db).filter((m) => m.key.startsWith(`job:${fallJob.id}:`));
    expect(fallPosts.map((m) => m.key)).toEqual([runKey(fallJob.id, Date.parse("2026-10-25T00:30Z"))]);
  });

  it("after downtime, fires once when late by less than the grace period", () => {
    opened = openMigrated();
    const clock = new FakeClock(Date.parse("2026-11-20T00:00Z"));
    const job = scheduleJob(
      opened.db,
      { roomId: ROOM, kind: "ping", rule: { kind: "weekly", weekday: 1, time: "09:00" }, zone: MADRID },
      clock.now,
    );
    const due = Date.parse("2026-11-23T08:00Z");
    clock.now = due + 5 * HOUR; // the bot was down over the run
    const scheduler = makeScheduler(opened.db, clock);
    expect(scheduler.tick()).toEqual({ fired: 1, skipped: 0, failed: 0 });
    scheduler.tick();
    expect(queued(opened.db)).toEqual([runKey(job.id, due)]);
    expect(jobsRepo(opened.db).get(job.id)?.nextRunUtc).toBe(due + 7 * DAY);
  });

  it("after longer downtime, skips the post and plans the next one", () => {
    opened = openMigrated();
    const clock = new FakeClock(Date.parse("2026-11-20T00:00Z"));
    const job = scheduleJob(
      opened.db,
      { roomId: ROOM, kind: "ping", rule: { kind: "weekly", weekday: 1, time: "09:00" }, zone: MADRID },
      clock.now,
    );
    const due = Date.parse("2026-11-23T08:00Z");
    clock.now = due + 7 * HOUR;
    expect(makeScheduler(opened.db, clock).tick()).toEqual({ fired: 0, skipped: 1, failed: 0 });
    expect(queued(opened.db)).toEqual([]);
    expect(jobsRepo(opened.db).get(job.id)?.nextRunUtc).toBe(due + 7 * DAY);
  });

  it("honours a configured grace period", () => {
    opened = openMigrated();
    const clock = new FakeClock(Date.parse("2026-11-20T00:00Z"));
    scheduleJob(
      opened.db,
      { roomId: ROOM, kind: "ping", rule: { kind: "weekly", weekday: 1, time: "09:00" }, zone: MADRID },
      clock.now,
    );
    clock.now = Date.parse("2026-11-23T08:00Z") + 2 * HOUR;
    expect(makeScheduler(opened.db, clock, echo, HOUR).tick().skipped).toBe(1);
  });

  it("posts once when the bot crashes between claiming and sending", async () => {
    const { path, remove } = tempDatabasePath();
    try {
      const clock = new FakeClock(Date.parse("2026-11-23T07:59Z"));
      opened = openMigrated(path);
      const job = scheduleJob(
        opened.db,
        { roomId: ROOM, kind: "ping", rule: { kind: "weekly", weekday: 1, time: "09:00" }, zone: MADRID },
        clock.now,
      );
      clock.advance(2 * 60_000);
      makeScheduler(opened.db, clock).tick(); // claimed and queued in one transaction…
      opened.close(); // …then the process dies before the sender ran.

      opened = openMigrated(path);
      clock.advance(60_000);
      const transport = new FakeTransport();
      const scheduler = makeScheduler(opened.db, clock);
      scheduler.tick();
      // Even a job row put back to its old run cannot queue the same occurrence twice.
      opened.db
        .prepare("UPDATE jobs SET next_run_utc = ?, last_run_utc = NULL WHERE id = ?")
        .run(Date.parse("2026-11-23T08:00Z"), job.id);
      scheduler.tick();
      await new OutboxSender(opened.db, transport, silentLog, clock.read).drain();
      expect(transport.sent.map((s) => s.key)).toEqual([runKey(job.id, Date.parse("2026-11-23T08:00Z"))]);
      expect(transport.sent[0]?.kind).toBe("notice");
    } finally {
      opened.close();
      remove();
    }
  });

  it("leaves the job due when the transaction is rolled back, then posts once", () => {
    opened = openMigrated();
    const clock = new FakeClock(Date.parse("2026-11-23T07:00Z"));
    const job = scheduleJob(
      opened.db,
      { roomId: ROOM, kind: "ping", rule: { kind: "weekly", weekday: 1, time: "09:00" }, zone: MADRID },
      clock.now,
    );
    clock.set("2026-11-23T08:01Z");
    let crash = true;
    const flaky: PostHandler = (ctx) => {
      const post = echo(ctx);
      // Simulates a crash after the claim and the queueing, before commit: nothing may remain.
      if (crash) opened.db.prepare("SELECT raise_an_error_please()").run();
      return post;
    };
    const scheduler = makeScheduler(opened.db, clock, flaky);
    expect(scheduler.tick().failed).toBe(1);
    expect(queued(opened.db)).toEqual([]);
    // The failed occurrence is passed over rather than retried forever.
    expect(jobsRepo(opened.db).get(job.id)).toMatchObject({
      nextRunUtc: Date.parse("2026-11-30T08:00Z"),
      lastRunUtc: null,
    });
    crash = false;
    clock.set("2026-11-30T08:01Z");
    scheduler.tick();
    scheduler.tick();
    expect(queued(opened.db)).toEqual([runKey(job.id, Date.parse("2026-11-30T08:00Z"))]);
  });

  it("logs a failed post without its error message, which may quote cell data", () => {
    opened = openMigrated();
    const clock = new FakeClock(Date.parse("2026-11-23T07:00Z"));
    scheduleJob(
      opened.db,
      { roomId: ROOM, kind: "ping", rule: { kind: "weekly", weekday: 1, time: "09:00" }, zone: MADRID },
      clock.now,
    );
    clock.set("2026-11-23T08:01Z");
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const leaky: PostHandler = () => JSON.parse("Ana Secret") as never;
    const scheduler = makeScheduler(opened.db, clock, leaky, undefined, log);
    expect(scheduler.tick().failed).toBe(1);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      msg: "scheduled post failed; moving on to its next run",
      err: { type: "SyntaxError" },
    });
    expect(lines[0]).not.toContain("Secret");
  });

  it("re-plans a room's jobs when its time zone changes", () => {
    opened = openMigrated();
    const clock = new FakeClock(Date.parse("2026-11-24T10:00Z"));
    const job = scheduleJob(
      opened.db,
      { roomId: ROOM, kind: "ping", rule: { kind: "weekly", weekday: 1, time: "09:00" }, zone: MADRID },
      clock.now,
    );
    const other = scheduleJob(
      opened.db,
      { roomId: "!other:example.org", kind: "ping", rule: { kind: "weekly", weekday: 1, time: "09:00" }, zone: MADRID },
      clock.now,
    );
    expect(jobsRepo(opened.db).get(job.id)?.nextRunUtc).toBe(Date.parse("2026-11-30T08:00Z"));
    setRoomTimezone(opened.db, ROOM, "America/Mexico_City", clock.now);
    makeScheduler(opened.db, clock).tick();
    expect(jobsRepo(opened.db).get(job.id)).toMatchObject({
      zone: "America/Mexico_City",
      nextRunUtc: Date.parse("2026-11-30T15:00Z"),
    });
    expect(jobsRepo(opened.db).get(other.id)?.nextRunUtc).toBe(Date.parse("2026-11-30T08:00Z"));
  });

  it("keeps a one-off job's moment when the room's zone changes, as its plan or proposal keeps it", () => {
    opened = openMigrated();
    const clock = new FakeClock(Date.parse("2026-11-24T10:00Z"));
    const at = Date.parse("2026-11-30T08:00Z");
    const job = scheduleJob(
      opened.db,
      { roomId: ROOM, kind: "ping", rule: { kind: "once", at }, zone: MADRID },
      clock.now,
    );
    setRoomTimezone(opened.db, ROOM, "America/Mexico_City", clock.now);
    makeScheduler(opened.db, clock).tick();
    expect(jobsRepo(opened.db).get(job.id)).toMatchObject({ zone: "America/Mexico_City", nextRunUtc: at });
  });

  it("fires a job with an offset before its occurrence", () => {
    opened = openMigrated();
    const clock = new FakeClock(Date.parse("2026-11-24T10:00Z"));
    const job = scheduleJob(
      opened.db,
      {
        roomId: ROOM,
        kind: "ping",
        rule: { kind: "weekly", weekday: 4, time: "19:00" },
        zone: MADRID,
        offsetMinutes: -15,
      },
      clock.now,
    );
    expect(jobsRepo(opened.db).get(job.id)?.nextRunUtc).toBe(Date.parse("2026-11-26T17:45Z"));
  });
  describe("started, with its timer", () => {
    afterEach(() => jest.useRealTimers());

    /** On the (faked) wall clock, as in production; `firedAt` gets the instant of every post. */
    const onRealClock = (db: Db, firedAt: number[]) =>
      new Scheduler({
        db,
        clock: () => Date.now(),
        features: [pinging(echo)],
        texts: new Texts([kernelTexts]),
        defaults: { language: "en", timezone: MADRID },
        log: silentLog,
        onEnqueued: () => firedAt.push(Date.now()),
      });

    it("fires a one-off job at its instant, not on the next tick", async () => {
      opened = openMigrated();
      // Ticks every 59 seconds fire at :00 and :59; the job is due in between, at 12:00:11.5.
      jest.useFakeTimers({ now: Date.parse("2026-11-27T12:00:10.000Z") });
      const at = Date.parse("2026-11-27T12:00:11.500Z");
      scheduleJob(opened.db, { roomId: ROOM, kind: "ping", rule: { kind: "once", at }, zone: MADRID }, Date.now());
      const firedAt: number[] = [];
      const scheduler = onRealClock(opened.db, firedAt);
      scheduler.start(59);
      try {
        await jest.advanceTimersByTimeAsync(1_499);
        expect(queued(opened.db)).toEqual([]);
        await jest.advanceTimersByTimeAsync(1);
        expect(firedAt).toEqual([at]);
        expect(queued(opened.db)).toHaveLength(1);
      } finally {
        scheduler.stop();
      }
    });

    it("leaves a run more than a tick ahead to the ticks, and wakes for it from the last tick before it", async () => {
      opened = openMigrated();
      jest.useFakeTimers({ now: Date.parse("2026-11-27T12:00:01.000Z") });
      // Ticks every 20 seconds: :00, :20, :40. The run at 12:00:47.25 is first seen by the tick at :40.
      const at = Date.parse("2026-11-27T12:00:47.250Z");
      scheduleJob(opened.db, { roomId: ROOM, kind: "ping", rule: { kind: "once", at }, zone: MADRID }, Date.now());
      const firedAt: number[] = [];
      const scheduler = onRealClock(opened.db, firedAt);
      scheduler.start(20);
      try {
        await jest.advanceTimersByTimeAsync(at - Date.now() - 1);
        expect(firedAt).toEqual([]);
        await jest.advanceTimersByTimeAsync(1);
        expect(firedAt).toEqual([at]);
        // After stopping, nothing is left to wake it.
        scheduler.stop();
        expect(jest.getTimerCount()).toBe(0);
      } finally {
        scheduler.stop();
      }
    });
  });
});
