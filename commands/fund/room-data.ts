import {
  countMentioning,
  countRows,
  forgetMentions,
  type PersonMatch,
  type RoomDataPart,
} from "../../src/kernel/room-data.js";
import type { Db } from "../../src/platform/db.js";

/** A stored person (`@ana:x` or `name:Ana`) that is this person: typed names as stored, every form forgetting found. */
const IS_PERSON = (column: string) =>
  `(${column} = @userId OR (${column} LIKE 'name:%' AND substr(${column}, 6) IN (SELECT value FROM json_each(@typed))))`;
const params = (roomId: string, who: PersonMatch) => ({
  roomId,
  userId: who.userId ?? "",
  typed: JSON.stringify(who.typed),
});

function freeTexts(db: Db, roomId: string) {
  const notes = db
    .prepare("SELECT id, note AS text FROM fund_movements WHERE room_id = ? AND note <> ''")
    .all(roomId) as { id: number; text: string }[];
  const reasons = db
    .prepare("SELECT id, reason AS text FROM fund_requests WHERE room_id = ? AND reason <> ''")
    .all(roomId) as { id: number; text: string }[];
  const earlier = db
    .prepare("SELECT id, previous_note AS text FROM fund_corrections WHERE room_id = ? AND previous_note <> ''")
    .all(roomId) as { id: number; text: string }[];
  return { notes, reasons, earlier };
}

/**
 * The fund's movements are the cell's shared memory: forgetting a person keeps the money and removes
 * who gave, received, proposed, approved or corrected it, also in what a movement said before a correction. Their pledges go; a support request they made keeps
 * its amount (it may have been paid) but no longer says who asked. Wiping the cell removes the fund.
 */
export const fundRoomData: RoomDataPart = {
  key: "privacy.part.fund",
  wipeKey: "privacy.wipe.fund",
  tables: ["fund_movements", "fund_corrections", "fund_pledges", "fund_requests", "fund_rooms"],
  countPerson: (db, roomId, who) =>
    countRows(
      db,
      `SELECT count(*) FROM fund_movements WHERE room_id = @roomId AND (${IS_PERSON("person")} OR proposed_by = @userId OR approved_by = @userId)`,
      params(roomId, who),
    ) +
    countRows(
      db,
      `SELECT count(*) FROM fund_pledges WHERE room_id = @roomId AND ${IS_PERSON("person")}`,
      params(roomId, who),
    ) +
    countRows(
      db,
      "SELECT count(*) FROM fund_requests WHERE room_id = @roomId AND (asker = @userId OR first_grant_by = @userId OR decided_by = @userId)",
      params(roomId, who),
    ) +
    countRows(
      db,
      `SELECT count(*) FROM fund_corrections WHERE room_id = @roomId AND (${IS_PERSON("previous_person")} OR by_user = @userId)`,
      params(roomId, who),
    ),
  countMentions(db, roomId, who) {
    const { notes, reasons, earlier } = freeTexts(db, roomId);
    return countMentioning([...notes, ...reasons, ...earlier], who);
  },
  forgetPerson(db, roomId, who, someone) {
    const ps = params(roomId, who);
    db.prepare(`UPDATE fund_movements SET person = NULL WHERE room_id = @roomId AND ${IS_PERSON("person")}`).run(ps);
    db.prepare("UPDATE fund_movements SET proposed_by = '' WHERE room_id = @roomId AND proposed_by = @userId").run(ps);
    db.prepare("UPDATE fund_movements SET approved_by = '' WHERE room_id = @roomId AND approved_by = @userId").run(ps);
    db.prepare(`DELETE FROM fund_pledges WHERE room_id = @roomId AND ${IS_PERSON("person")}`).run(ps);
    db.prepare("UPDATE fund_requests SET asker = '' WHERE room_id = @roomId AND asker = @userId").run(ps);
    db.prepare("UPDATE fund_requests SET first_grant_by = '' WHERE room_id = @roomId AND first_grant_by = @userId").run(
      ps,
    );
    db.prepare("UPDATE fund_requests SET decided_by = '' WHERE room_id = @roomId AND decided_by = @userId").run(ps);
    db.prepare(
      `UPDATE fund_corrections SET previous_person = NULL WHERE room_id = @roomId AND ${IS_PERSON("previous_person")}`,
    ).run(ps);
    db.prepare("UPDATE fund_corrections SET by_user = '' WHERE room_id = @roomId AND by_user = @userId").run(ps);
    const { notes, reasons, earlier } = freeTexts(db, roomId);
    forgetMentions(
      earlier,
      who,
      someone,
      (id, text) => void db.prepare("UPDATE fund_corrections SET previous_note = ? WHERE id = ?").run(text, id),
    );
    forgetMentions(
      notes,
      who,
      someone,
      (id, text) => void db.prepare("UPDATE fund_movements SET note = ? WHERE id = ?").run(text, id),
    );
    forgetMentions(
      reasons,
      who,
      someone,
      (id, text) => void db.prepare("UPDATE fund_requests SET reason = ? WHERE id = ?").run(text, id),
    );
  },
  countRoom: (db, roomId) =>
    countRows(db, "SELECT count(*) FROM fund_movements WHERE room_id = ?", roomId) +
    countRows(db, "SELECT count(*) FROM fund_pledges WHERE room_id = ?", roomId) +
    countRows(db, "SELECT count(*) FROM fund_requests WHERE room_id = ?", roomId) +
    countRows(db, "SELECT count(*) FROM fund_corrections WHERE room_id = ?", roomId),
  wipeRoom(db, roomId) {
    for (const table of ["fund_movements", "fund_corrections", "fund_pledges", "fund_requests", "fund_rooms"])
      db.prepare(`DELETE FROM ${table} WHERE room_id = ?`).run(roomId);
  },
  typedNames: (db, roomId) =>
    db
      .prepare(
        "SELECT substr(person, 6) FROM fund_movements WHERE room_id = @roomId AND person LIKE 'name:%' UNION SELECT substr(person, 6) FROM fund_pledges WHERE room_id = @roomId AND person LIKE 'name:%' UNION SELECT substr(previous_person, 6) FROM fund_corrections WHERE room_id = @roomId AND previous_person LIKE 'name:%'",
      )
      .pluck()
      .all({ roomId }) as string[],
  people(db, roomId) {
    const rows = db
      .prepare(
        `SELECT person AS userId FROM fund_movements WHERE room_id = @roomId AND person LIKE '@%'
         UNION SELECT person FROM fund_pledges WHERE room_id = @roomId AND person LIKE '@%'`,
      )
      .all({ roomId }) as { userId: string }[];
    return rows.map((r) => ({ userId: r.userId, name: r.userId.replace(/^@/, "").split(":")[0] ?? r.userId }));
  },
};
