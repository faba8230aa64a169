import { HourlyPruning, pruneOldRows, RETENTION } from "../../src/kernel/pruning.js";
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

  const mark = (id: string, at: number) => opened.db.prepare("INSERT INTO handled_events (event_id, room_id, handled_at) VALUES (?, ?, ?)").run(id, ROOM, at);
  const outboxRow = (key: string, row: { sentAt?: number; failedAt?: number; ref?: string; createdAt?: number }) =>
    opened.db
      .prepare("INSERT INTO outbox (room_id, key, kind, doc, created_at, sent_at, failed_at, ref, event_id) VALUES (?, ?, 'reply', '{}', ?, ?, ?, ?, ?)")
      .run(ROOM, key, row.createdAt ?? 0, row.sentAt ?? null, row.failedAt ?? null, row.ref ?? null, row.sentAt !== undefined ? `$${key}` : null);
  const keys = (table: string, column: string) => (opened.db.prepare(`SELECT ${column} FROM ${table} ORDER BY ${column}`).pluck().all() as string[]).sort();

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
    const event = (id: string) => ({ event_id: id, room_id: ROOM, sender: "@a:test.org", type: "m.room.message", origin_server_ts: 0, content: {} });
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

  it("prunes at most once an hour", () => {
    const pruning = new HourlyPruning();
    expect(pruning.maybeRun(opened.db, NOW)).toBeDefined();
    expect(pruning.maybeRun(opened.db, NOW + 59 * 60_000)).toBeUndefined();
    expect(pruning.maybeRun(opened.db, NOW + 60 * 60_000)).toBeDefined();
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
