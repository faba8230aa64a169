import { countMentioning, countRows, forgetMentions, type RoomDataPart } from "../../src/kernel/room-data.js";

const TEXTS = "SELECT id, text FROM decisions WHERE room_id = ?";
const REASONS = "SELECT id, revoked_reason AS text FROM decisions WHERE room_id = ? AND revoked_reason IS NOT NULL";
// Tags are a JSON list of words: a tag that was a name ("#ana") becomes "someone" like any other mention.
const TAGS = "SELECT id, tags AS text FROM decisions WHERE room_id = ? AND tags IS NOT NULL";
const REVISIONS =
  "SELECT r.id, r.previous_text AS text FROM decision_revisions r JOIN decisions d ON d.id = r.decision_id WHERE d.room_id = ?";

/**
 * Decisions are the cell's shared memory: forgetting a person keeps them and removes who recorded,
 * fixed or revoked them. Wiping the cell removes the log.
 */
export const decisionsRoomData: RoomDataPart = {
  key: "privacy.part.decisions",
  wipeKey: "privacy.wipe.decisions",
  tables: ["decisions", "decision_revisions"],
  countPerson: (db, roomId, who) =>
    who.userId === null
      ? 0
      : countRows(
          db,
          `SELECT count(DISTINCT d.id) FROM decisions d LEFT JOIN decision_revisions r ON r.decision_id = d.id
           WHERE d.room_id = @roomId AND (d.recorded_by = @userId OR d.revoked_by = @userId OR r.revised_by = @userId)`,
          { roomId, userId: who.userId },
        ),
  countMentions: (db, roomId, who) =>
    countMentioning(
      [TEXTS, REVISIONS, REASONS, TAGS].flatMap((sql) => db.prepare(sql).all(roomId) as { text: string }[]),
      who,
    ),
  forgetPerson(db, roomId, who, someone) {
    // A decision that named the person keeps its meaning with "someone" in their place, earlier versions too.
    const text = db.prepare("UPDATE decisions SET text = ? WHERE id = ?");
    const revision = db.prepare("UPDATE decision_revisions SET previous_text = ? WHERE id = ?");
    const reason = db.prepare("UPDATE decisions SET revoked_reason = ? WHERE id = ?");
    const tags = db.prepare("UPDATE decisions SET tags = ? WHERE id = ?");
    forgetMentions(db.prepare(TEXTS).all(roomId) as { id: number; text: string }[], who, someone, (id, t) =>
      text.run(t, id),
    );
    forgetMentions(db.prepare(REVISIONS).all(roomId) as { id: number; text: string }[], who, someone, (id, t) =>
      revision.run(t, id),
    );
    forgetMentions(db.prepare(REASONS).all(roomId) as { id: number; text: string }[], who, someone, (id, t) =>
      reason.run(t, id),
    );
    forgetMentions(db.prepare(TAGS).all(roomId) as { id: number; text: string }[], who, someone, (id, t) =>
      tags.run(t, id),
    );
    if (who.userId === null) return;
    const params = { roomId, userId: who.userId };
    db.prepare("UPDATE decisions SET recorded_by = '' WHERE room_id = @roomId AND recorded_by = @userId").run(params);
    db.prepare("UPDATE decisions SET revoked_by = '' WHERE room_id = @roomId AND revoked_by = @userId").run(params);
    db.prepare(
      "UPDATE decision_revisions SET revised_by = '' WHERE revised_by = @userId AND decision_id IN (SELECT id FROM decisions WHERE room_id = @roomId)",
    ).run(params);
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM decisions WHERE room_id = ?", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM decisions WHERE room_id = ?").run(roomId),
};
