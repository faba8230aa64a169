import { perDb } from "../../src/platform/per-db.js";
import { nextNumber } from "../../src/platform/next-number.js";

export interface Lesson {
  id: number;
  number: number;
  plan: number | null;
  text: string;
  tags: string[];
  recordedBy: string;
  recordedAt: number;
}

interface Row {
  id: number;
  number: number;
  plan: number | null;
  text: string;
  tags: string;
  recorded_by: string;
  recorded_at: number;
}

const COLUMNS = "id, number, plan, text, tags, recorded_by, recorded_at";

const statements = perDb((db) => ({
  insert: db.prepare(
    "INSERT INTO lessons (room_id, number, plan, text, tags, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
  ),
  get: db.prepare(`SELECT ${COLUMNS} FROM lessons WHERE room_id = ? AND number = ?`),
  all: db.prepare(`SELECT ${COLUMNS} FROM lessons WHERE room_id = ? ORDER BY number`),
  between: db.prepare(
    `SELECT ${COLUMNS} FROM lessons WHERE room_id = ? AND recorded_at >= ? AND recorded_at < ? ORDER BY number`,
  ),
  asked: db.prepare("INSERT OR REPLACE INTO lesson_prompts (room_id, plan, asked_at) VALUES (?, ?, ?)"),
  latestAsked: db
    .prepare("SELECT plan FROM lesson_prompts WHERE room_id = ? ORDER BY asked_at DESC, plan DESC LIMIT 1")
    .pluck(),
  askedPlans: db.prepare("SELECT plan FROM lesson_prompts WHERE room_id = ?").pluck(),
  lastBurst: db.prepare("SELECT max(started_at) FROM lesson_bursts WHERE room_id = ? AND started_at < ?").pluck(),
  burst: db.prepare("INSERT OR IGNORE INTO lesson_bursts (room_id, started_at) VALUES (?, ?)"),
}));

const hydrate = (r: Row): Lesson => ({
  id: r.id,
  number: r.number,
  plan: r.plan,
  text: r.text,
  tags: JSON.parse(r.tags) as string[],
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

/** A room's lessons (numbered per room, with the time they were learned), prompts asked and bursts begun. */
export const lessonsRepo = perDb((db) => {
  const s = statements(db);
  return {
    record(
      roomId: string,
      lesson: { plan: number | null; text: string; tags: string[]; recordedBy: string; recordedAt: number },
    ): Lesson {
      const number = nextNumber(db, "lessons", "room_id", roomId);
      s.insert.run(
        roomId,
        number,
        lesson.plan,
        lesson.text,
        JSON.stringify(lesson.tags),
        lesson.recordedBy,
        lesson.recordedAt,
      );
      return hydrate(s.get.get(roomId, number) as Row);
    },
    get: (roomId: string, number: number): Lesson | undefined => {
      const row = s.get.get(roomId, number) as Row | undefined;
      return row ? hydrate(row) : undefined;
    },
    all: (roomId: string): Lesson[] => (s.all.all(roomId) as Row[]).map(hydrate),
    /** Lessons recorded from `from` (included) to `to` (excluded). */
    between: (roomId: string, from: number, to: number): Lesson[] =>
      (s.between.all(roomId, from, to) as Row[]).map(hydrate),
    asked(roomId: string, plan: number, at: number): void {
      s.asked.run(roomId, plan, at);
    },
    /** Every plan whose lessons were asked for. */
    askedPlans: (roomId: string): number[] => s.askedPlans.all(roomId) as number[],
    /** The plan whose lessons were asked for last, if any. */
    latestAsked: (roomId: string): number | undefined => (s.latestAsked.get(roomId) as number | undefined) ?? undefined,
    /** Remembers a burst's start and returns the start of the one before it, if known. */
    burstStarted(roomId: string, at: number): number | undefined {
      const previous = s.lastBurst.get(roomId, at) as number | null;
      s.burst.run(roomId, at);
      return previous ?? undefined;
    },
  };
});

export type LessonsRepo = ReturnType<typeof lessonsRepo>;
