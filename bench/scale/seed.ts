// Seeds two years of 100 cells through the real repositories (no hand-written SQL): ledger entries
// with their givers, care plans, role terms, and the exactly-once rows every message leaves behind
// (handled marks, delivered outbox rows, closed Matrix inbox rows), so pruning has real work.
import { carePlansRepo } from "../../commands/careplans/repository.js";
import { ledgerRepo } from "../../commands/ledger/repository.js";
import { rotationRepo } from "../../commands/rotation/repository.js";
import type { HistoryEntry } from "../../commands/rotation/rules/state.js";
import { markHandled } from "../../src/kernel/handled-events.js";
import { enqueue, markSent } from "../../src/kernel/outbox/outbox.js";
import type { Db } from "../../src/platform/db.js";
import { Inbox } from "../../src/transport/matrix/inbox.js";

export interface SeedSize {
  cells: number;
  entries: number;
  plans: number;
  /** Entries of room 0 in the last month (the `!ledger month` case). */
  lastMonthEntries: number;
}

const DAY = 24 * 3600_000;
export const SPAN_MS = 730 * DAY;
export const roomOf = (cell: number) => `!cell${cell}:bench`;
const member = (cell: number, i: number) => `@m${i}-${cell}:bench`;

/** Seeds in transactions of 5,000 entries; `end` is the instant the two years lead up to. */
export function seed(db: Db, size: SeedSize, end: number, progress: (line: string) => void): void {
  // A large page cache while seeding only: SQLCipher decrypts every page it reads from the OS.
  db.pragma("cache_size = -262144");
  const ledger = ledgerRepo(db);
  const inbox = new Inbox(db);
  const perCell = Math.floor(size.entries / size.cells);
  const start = end - SPAN_MS;
  // Room 0 carries `lastMonthEntries` in its last 30 days, the rest spread over the two years.
  const at = (cell: number, i: number) => {
    const recent = cell === 0 ? size.lastMonthEntries : 0;
    return i >= perCell - recent
      ? end - 30 * DAY + ((i - (perCell - recent)) * 30 * DAY) / recent
      : start + (i * (SPAN_MS - (recent ? 30 * DAY : 0))) / perCell;
  };
  const batch = 5_000;
  for (let done = 0; done < perCell * size.cells; ) {
    db.transaction(() => {
      for (const stop = Math.min(done + batch, perCell * size.cells); done < stop; done++) {
        const cell = done % size.cells;
        const i = Math.floor(done / size.cells);
        const when = Math.floor(at(cell, i));
        const roomId = roomOf(cell);
        const eventId = `$c${cell}-${i}`;
        const givers = [
          { userId: member(cell, i % 12), name: `Member ${i % 12}` },
          ...(i % 3 === 0 ? [{ userId: member(cell, (i + 5) % 12), name: `Member ${(i + 5) % 12}` }] : []),
        ];
        ledger.record({
          roomId,
          givers,
          what: `cooked ${i % 40} meals for the night shift`,
          kind: "food",
          recordedBy: member(cell, 0),
          recordedAt: when,
        });
        inbox.record(
          [
            {
              event_id: eventId,
              room_id: roomId,
              sender: member(cell, 0),
              type: "m.room.message",
              origin_server_ts: when,
              content: {},
            },
          ],
          when,
        );
        markHandled(db, eventId, roomId, when);
        enqueue(
          db,
          { roomId, key: `reply:${eventId}`, kind: "reply", doc: { blocks: [] }, replyToEventId: eventId },
          when,
        );
      }
    })();
    if (done % 100_000 === 0) progress(`  ${done.toLocaleString("en")} entries`);
  }
  // The message rows are closed as the bot closes them: delivered, inbox row done.
  db.transaction(() => {
    for (const row of inbox.open()) inbox.finish(row.seq, "done");
    const ids = db.prepare("SELECT id, created_at FROM outbox WHERE sent_at IS NULL").all() as {
      id: number;
      created_at: number;
    }[];
    for (const { id, created_at } of ids) markSent(db, id, created_at + 300, `$sent${id}`);
  })();
  progress("  messages closed");
  const plans = carePlansRepo(db);
  db.transaction(() => {
    for (let n = 0; n < size.plans; n++) {
      const cell = n % size.cells;
      const startsAt = start + Math.floor((n / size.plans) * SPAN_MS);
      plans.create(
        {
          roomId: roomOf(cell),
          action: "pantry shift",
          startsAt,
          endsAt: startsAt + 2 * 3600_000,
          careAct: null,
          createdBy: member(cell, 1),
        },
        startsAt - DAY,
      );
    }
  })();
  // Role terms: weekly terms of 3 roles over two years, kept as the rotation keeps them (its last 300).
  const rotation = rotationRepo(db);
  db.transaction(() => {
    for (let cell = 0; cell < size.cells; cell++) {
      const history: HistoryEntry[] = [];
      for (let w = 0; w < 104; w++) {
        for (const role of ["facilitator", "notes", "care"])
          history.push({
            role,
            member: member(cell, (w + role.length) % 12),
            fromUtc: start + w * 7 * DAY,
            toUtc: start + (w + 1) * 7 * DAY,
            ended: "term",
          });
      }
      const roles = ["facilitator", "notes", "care"].map((name) => ({
        name,
        termWeeks: 1,
        holder: member(cell, 1),
        termStartUtc: end - 7 * DAY,
        termEndUtc: end,
        queue: [member(cell, 2), member(cell, 3)],
      }));
      rotation.save(roomOf(cell), { roles, away: [], history }, end);
    }
  })();
  progress("  plans and role terms");
}
