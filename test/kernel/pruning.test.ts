import { HourlyPruning, pruneOldRows, PruningPass, RETENTION, type PruneReport } from "../../src/kernel/pruning.js";
import type { OpenedDatabase } from "../../src/platform/db.js";
import { Inbox, pruneMatrixInbox } from "../../src/transport/matrix/inbox.js";
import { openMigrated } from "../support/db.js";
import { createTestBot } from "../support/test-bot.js";

const DAY = 24 * 3600_000;
const NOW = Date.UTC(2026, 10, 24, 10, 0);
const ROOM = "!cell:test.org";

describe("pruning old rows", () => {
  let opened: OpenedDatabase;
  beforeEach(() => (opened = openMigrated()));
  afterEach(() => opened.close());

  const mark = (id: string, at: number) =>
    opened.db.prepare("INSERT INTO handled_events (event_id, room_id, handled_at) VALUES (?, ?, ?)").run(id, ROOM, at);
  const outboxRow = (key: string, row: { sentAt?: number; failedAt?: number; ref?: string; createdAt?: number }) =>
    opened.db
      .prepare(
        "INSERT INTO outbox (room_id, key, kind, doc, created_at, sent_at, failed_at, ref, event_id) VALUES (?, ?, 'reply', '{}', ?, ?, ?, ?, ?)",
      )
      .run(
        ROOM,
        key,
        row.createdAt ?? 0,
        row.sentAt ?? null,
        row.failedAt ?? null,
        row.ref ?? null,
        row.sentAt !== undefined ? `$${key}` : null,
      );
  const keys = (table: string, column: string) =>
    (opened.db.prepare(`SELECT ${column} FROM ${table} ORDER BY ${column}`).pluck().all() as string[]).sort();

  it("forgets handled marks only after their window, so a redelivery inside it is still recognised", () => {
    mark("$old", NOW - RETENTION.handledMarks - 1);
    mark("$recent", NOW - RETENTION.handledMarks + DAY);
    expect(pruneOldRows(opened.db, NOW).handledMarks).toBe(1);
    expect(keys("handled_events", "event_id")).toEqual(["$recent"]);
  });

  it("keeps undelivered messages forever, and delivered ones with a ref long enough for reactions and poll answers", () => {
    outboxRow("pending-ancient", { createdAt: NOW - 400 * DAY });
    outboxRow("plain-old", { sentAt: NOW - RETENTION.deliveredPlain - 1 });
    outboxRow("plain-recent", { sentAt: NOW - DAY });
    outboxRow("ref-60-days", { sentAt: NOW - 60 * DAY, ref: "careplan:1" });
    outboxRow("ref-old", { sentAt: NOW - RETENTION.deliveredWithRef - 1, ref: "careplan:2" });
    outboxRow("failed-recent", { failedAt: NOW - 10 * DAY });
    outboxRow("failed-old", { failedAt: NOW - RETENTION.failed - 1 });
    expect(pruneOldRows(opened.db, NOW).outbox).toBe(3);
    expect(keys("outbox", "key")).toEqual(["failed-recent", "pending-ancient", "plain-recent", "ref-60-days"]);
  });

  it("prunes the Matrix inbox's closed rows after a week and never an open one", () => {
    const inbox = new Inbox(opened.db);
    const event = (id: string) => ({
      event_id: id,
      room_id: ROOM,
      sender: "@a:test.org",
      type: "m.room.message",
      origin_server_ts: 0,
      content: {},
    });
    inbox.record([event("$done-old"), event("$open-old")], NOW - 8 * DAY);
    inbox.record([event("$done-recent")], NOW - DAY);
    for (const row of inbox.open()) if (row.eventId !== "$open-old") inbox.finish(row.seq, "done");
    expect(pruneOldRows(opened.db, NOW, [pruneMatrixInbox]).transport).toBe(1);
    expect(keys("matrix_inbox", "event_id")).toEqual(["$done-recent", "$open-old"]);
  });

  it("deletes in batches until nothing old is left", () => {
    for (let i = 0; i < 5; i++) mark(`$old${i}`, NOW - RETENTION.handledMarks - 1 - i);
    expect(pruneOldRows(opened.db, NOW, [], 2).handledMarks).toBe(5);
    expect(keys("handled_events", "event_id")).toEqual([]);
  });

  it("deletes at most one batch per step, moving on to the next table within the step, and leaves the rest to later steps", () => {
    for (let i = 0; i < 5; i++) mark(`$old${i}`, NOW - RETENTION.handledMarks - 1 - i);
    for (let i = 0; i < 3; i++) outboxRow(`sent${i}`, { sentAt: NOW - RETENTION.deliveredPlain - 1 - i });
    const pass = new PruningPass(opened.db, NOW, [], 2);
    const rows = () =>
      opened.db.prepare("SELECT (SELECT count(*) FROM handled_events) + (SELECT count(*) FROM outbox)").pluck().get();
    const steps: number[] = [];
    expect(pass.step()).toBe(2);
    expect(rows()).toBe(6);
    while (!pass.done) steps.push(pass.step());
    expect(steps.every((n) => n <= 2)).toBe(true);
    // The third step takes the last mark and the first outbox row: one batch across two tables.
    expect(steps).toEqual([2, 2, 2, 0]);
    expect(rows()).toBe(0);
    expect(pass.report).toEqual({ handledMarks: 5, outbox: 3, transport: 0 });
  });

  it("runs a long pruning one step per turn of the event loop, the first step at once, the log checkpointed in between", () => {
    for (let i = 0; i < 5; i++) mark(`$old${i}`, NOW - RETENTION.handledMarks - 1 - i);
    const turns: (() => void)[] = [];
    const reports: PruneReport[] = [];
    const pruning = new HourlyPruning((next) => void turns.push(next));
    const events = {
      done: (report: PruneReport) => void reports.push(report),
      failed: (err: unknown) => {
        throw err;
      },
    };
    const marks = () => opened.db.prepare("SELECT count(*) FROM handled_events").pluck().get();
    const turn = () => turns.shift()!();
    expect(pruning.maybeRun(opened.db, NOW, events, 2)).toBeDefined();
    expect([marks(), turns.length]).toEqual([3, 1]);
    // A tick while it runs starts nothing new, however late.
    expect(pruning.maybeRun(opened.db, NOW + 2 * 3600_000, events, 2)).toBeUndefined();
    turn(); // the checkpoint
    expect([marks(), turns.length]).toEqual([3, 1]);
    turn();
    expect([marks(), turns.length, reports]).toEqual([1, 1, []]);
    turn();
    turn();
    expect([marks(), turns.length, reports]).toEqual([0, 0, [{ handledMarks: 5, outbox: 0, transport: 0 }]]);
  });

  it("stops between steps when the scheduler stops", () => {
    for (let i = 0; i < 5; i++) mark(`$old${i}`, NOW - RETENTION.handledMarks - 1 - i);
    const turns: (() => void)[] = [];
    const pruning = new HourlyPruning((next) => void turns.push(next));
    pruning.maybeRun(
      opened.db,
      NOW,
      {
        done: () => {},
        failed: (err) => {
          throw err;
        },
      },
      2,
    );
    pruning.stop();
    while (turns.length > 0) turns.shift()!();
    expect([opened.db.prepare("SELECT count(*) FROM handled_events").pluck().get(), turns.length]).toEqual([3, 0]);
  });

  it("prunes at most once an hour", () => {
    const pruning = new HourlyPruning();
    const events = {
      done: () => {},
      failed: (err: unknown) => {
        throw err;
      },
    };
    expect(pruning.maybeRun(opened.db, NOW, events)).toBeDefined();
    expect(pruning.maybeRun(opened.db, NOW + 59 * 60_000, events)).toBeUndefined();
    expect(pruning.maybeRun(opened.db, NOW + 60 * 60_000, events)).toBeDefined();
  });

  it("runs from the scheduler's tick, and a redelivery inside the window stays a duplicate", async () => {
    const bot = createTestBot();
    try {
      await bot.say("!help", { eventId: "$first" });
      await bot.tickTo(new Date(bot.clock.now + 2 * DAY).toISOString());
      expect(await bot.say("!help", { eventId: "$first" })).toEqual([]);
      const marks = () => bot.db.prepare("SELECT count(*) FROM handled_events").pluck().get();
      expect(marks()).toBe(1);
      await bot.tickTo(new Date(bot.clock.now + RETENTION.handledMarks + DAY).toISOString());
      expect(marks()).toBe(0);
    } finally {
      bot.close();
    }
  });
});
