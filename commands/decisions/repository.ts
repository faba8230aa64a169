import type { Db } from "../../src/platform/db.js";
import { perDb } from "../../src/platform/per-db.js";
import { nextNumber } from "../../src/platform/next-number.js";

export interface Revision {
  previousText: string;
  revisedBy: string;
  revisedAt: number;
}

export interface Decision {
  id: number;
  number: number;
  text: string;
  tags: string[];
  plan: number | null;
  recordedBy: string;
  recordedAt: number;
  revoked: { at: number; by: string; reason: string } | null;
  /** The local day (YYYY-MM-DD, the room's zone) the cell reviews it; null for none. */
  reviewOn: string | null;
}

export interface NewDecision {
  roomId: string;
  text: string;
  tags: string[];
  plan?: number;
  recordedBy: string;
  recordedAt: number;
  reviewOn?: string;
}

interface Row {
  id: number;
  number: number;
  text: string;
  tags: string;
  plan: number | null;
  recorded_by: string;
  recorded_at: number;
  revoked_at: number | null;
  revoked_by: string | null;
  revoked_reason: string | null;
  review_on: string | null;
}

const COLUMNS =
  "id, number, text, tags, plan, recorded_by, recorded_at, revoked_at, revoked_by, revoked_reason, review_on";

const statements = perDb((db) => ({
  insert: db.prepare(
    `INSERT INTO decisions (room_id, number, text, tags, plan, recorded_by, recorded_at, review_on)
     VALUES (@roomId, @number, @text, @tags, @plan, @recordedBy, @recordedAt, @reviewOn)`,
  ),
  get: db.prepare(`SELECT ${COLUMNS} FROM decisions WHERE room_id = ? AND number = ?`),
  latest: db.prepare(`SELECT ${COLUMNS} FROM decisions WHERE room_id = ? ORDER BY number DESC LIMIT ?`),
  all: db.prepare(`SELECT ${COLUMNS} FROM decisions WHERE room_id = ? ORDER BY number`),
  count: db.prepare("SELECT count(*) FROM decisions WHERE room_id = ?").pluck(),
  setReview: db.prepare("UPDATE decisions SET review_on = ? WHERE id = ?"),
  withReview: db.prepare(
    `SELECT ${COLUMNS} FROM decisions WHERE room_id = ? AND review_on IS NOT NULL AND revoked_at IS NULL ORDER BY review_on, number`,
  ),
  setText: db.prepare("UPDATE decisions SET text = ? WHERE id = ?"),
  revoke: db.prepare(
    "UPDATE decisions SET revoked_at = @at, revoked_by = @by, revoked_reason = @reason WHERE id = @id",
  ),
  addRevision: db.prepare(
    "INSERT INTO decision_revisions (decision_id, previous_text, revised_by, revised_at) VALUES (?, ?, ?, ?)",
  ),
  revisions: db.prepare(
    "SELECT previous_text, revised_by, revised_at FROM decision_revisions WHERE decision_id = ? ORDER BY revised_at, id",
  ),
}));

function hydrate(row: Row): Decision {
  return {
    id: row.id,
    number: row.number,
    text: row.text,
    tags: JSON.parse(row.tags) as string[],
    plan: row.plan,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
    revoked:
      row.revoked_at === null
        ? null
        : { at: row.revoked_at, by: row.revoked_by ?? "", reason: row.revoked_reason ?? "" },
    reviewOn: row.review_on,
  };
}

/** The decision log of each room: numbered per room, revised and revoked but never deleted. */
export const decisionsRepo = perDb((db: Db) => {
  const s = statements(db);
  const many = (rows: unknown[]) => (rows as Row[]).map(hydrate);
  return {
    record(decision: NewDecision): Decision {
      const number = nextNumber(db, "decisions", "room_id", decision.roomId);
      s.insert.run({
        ...decision,
        number,
        tags: JSON.stringify(decision.tags),
        plan: decision.plan ?? null,
        reviewOn: decision.reviewOn ?? null,
      });
      return hydrate(s.get.get(decision.roomId, number) as Row);
    },
    get(roomId: string, number: number): Decision | undefined {
      const row = s.get.get(roomId, number) as Row | undefined;
      return row ? hydrate(row) : undefined;
    },
    latest(roomId: string, limit: number): Decision[] {
      return many(s.latest.all(roomId, limit));
    },
    all(roomId: string): Decision[] {
      return many(s.all.all(roomId));
    },
    count(roomId: string): number {
      return s.count.get(roomId) as number;
    },
    /** Changes the text, keeping the earlier one as a revision. */
    revise(decision: Decision, text: string, by: string, at: number): void {
      s.addRevision.run(decision.id, decision.text, by, at);
      s.setText.run(text, decision.id);
    },
    setReview(decision: Decision, on: string | null): void {
      s.setReview.run(on, decision.id);
    },
    /** Decisions in force with a review day, the soonest first (days already past included). */
    withReview(roomId: string): Decision[] {
      return many(s.withReview.all(roomId));
    },
    revoke(decision: Decision, reason: string, by: string, at: number): void {
      s.revoke.run({ id: decision.id, at, by, reason });
    },
    revisions(decision: Decision): Revision[] {
      return (s.revisions.all(decision.id) as { previous_text: string; revised_by: string; revised_at: number }[]).map(
        (r) => ({
          previousText: r.previous_text,
          revisedBy: r.revised_by,
          revisedAt: r.revised_at,
        }),
      );
    },
  };
});

export type DecisionsRepo = ReturnType<typeof decisionsRepo>;

/** How many decisions a room took in [from, to) and still stands by (for federation's aggregates). */
export const decisionsTakenCount = (db: Db, roomId: string, from: number, to: number): number =>
  db
    .prepare(
      "SELECT count(*) FROM decisions WHERE room_id = ? AND recorded_at >= ? AND recorded_at < ? AND revoked_at IS NULL",
    )
    .pluck()
    .get(roomId, from, to) as number;
