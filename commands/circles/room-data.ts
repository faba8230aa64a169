import {
  countMentioning,
  countRows,
  isNamed,
  mentionPattern,
  mentions,
  withoutMentions,
  type PersonMatch,
  type RoomDataPart,
} from "../../src/kernel/room-data.js";
import { skillKey } from "./rules/index.js";
import type { Db } from "../../src/platform/db.js";
import { localpart } from "../../src/kernel/mentions.js";

/** Skills are kept by user id or `name:<typed name>`; typed names compare by their key. */
const isThem = (who: PersonMatch) => (key: string) =>
  key === who.userId || (key.startsWith("name:") && isNamed(who, key.slice(5)));

/** A circle member is only who joined: forgetting takes them out of the rotation of hosts. */
export const circleMembersRoomData: RoomDataPart = {
  key: "privacy.part.circle",
  tables: ["circle_members"],
  countPerson: (db, roomId, who) =>
    who.userId === null
      ? 0
      : countRows(db, "SELECT count(*) FROM circle_members WHERE room_id = ? AND user_id = ?", [roomId, who.userId]),
  forgetPerson(db, roomId, who) {
    if (who.userId !== null)
      db.prepare("DELETE FROM circle_members WHERE room_id = ? AND user_id = ?").run(roomId, who.userId);
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM circle_members WHERE room_id = ?", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM circle_members WHERE room_id = ?").run(roomId),
  people: (db, roomId) =>
    (db.prepare("SELECT user_id FROM circle_members WHERE room_id = ?").pluck().all(roomId) as string[]).map(
      (userId) => ({ userId, name: localpart(userId) }),
    ),
};

function skillRows(db: Db, roomId: string) {
  return db.prepare("SELECT id, who, skill, skill_key FROM skills WHERE room_id = ?").all(roomId) as {
    id: number;
    who: string;
    skill: string;
    skill_key: string;
  }[];
}

/**
 * Another member's skill that names the person ("swimming like ana teaches") is renamed; its key
 * is made from its words, so the passes on it follow. A renamed skill its owner already had merges.
 */
function forgetInSkills(db: Db, roomId: string, who: PersonMatch, someone: string): void {
  const pattern = mentionPattern(who);
  if (!pattern) return;
  for (const row of skillRows(db, roomId).filter((r) => mentions(r.skill, pattern))) {
    const skill = withoutMentions(row.skill, pattern, someone);
    const key = skillKey(skill);
    const renamed =
      db.prepare("UPDATE OR IGNORE skills SET skill = ?, skill_key = ? WHERE id = ?").run(skill, key, row.id).changes >
      0;
    if (!renamed) db.prepare("DELETE FROM skills WHERE id = ?").run(row.id);
    db.prepare("UPDATE OR IGNORE skill_passes SET skill_key = ? WHERE room_id = ? AND skill_key = ?").run(
      key,
      roomId,
      row.skill_key,
    );
    db.prepare("DELETE FROM skill_passes WHERE room_id = ? AND skill_key = ?").run(roomId, row.skill_key);
  }
}

/** What a person offers and wants to learn is theirs alone: forgetting removes it, and the pairs they passed on. */
export const skillsRoomData: RoomDataPart = {
  key: "privacy.part.skills",
  tables: ["skills", "skill_passes"],
  countPerson: (db, roomId, who) => skillRows(db, roomId).filter((row) => isThem(who)(row.who)).length,
  countMentions: (db, roomId, who) =>
    countMentioning(
      skillRows(db, roomId).map((row) => ({ text: row.skill })),
      who,
    ),
  forgetPerson(db, roomId, who, someone) {
    const matches = isThem(who);
    const drop = db.prepare("DELETE FROM skills WHERE id = ?");
    for (const row of skillRows(db, roomId)) if (matches(row.who)) drop.run(row.id);
    const passes = db.prepare("SELECT teacher, learner, skill_key FROM skill_passes WHERE room_id = ?").all(roomId) as {
      teacher: string;
      learner: string;
      skill_key: string;
    }[];
    const dropPass = db.prepare(
      "DELETE FROM skill_passes WHERE room_id = ? AND teacher = ? AND learner = ? AND skill_key = ?",
    );
    for (const pass of passes)
      if (matches(pass.teacher) || matches(pass.learner))
        dropPass.run(roomId, pass.teacher, pass.learner, pass.skill_key);
    forgetInSkills(db, roomId, who, someone);
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM skills WHERE room_id = ?", roomId),
  wipeRoom(db, roomId) {
    db.prepare("DELETE FROM skills WHERE room_id = ?").run(roomId);
    db.prepare("DELETE FROM skill_passes WHERE room_id = ?").run(roomId);
  },
  typedNames: (db, roomId) =>
    skillRows(db, roomId)
      .filter((row) => row.who.startsWith("name:"))
      .map((row) => row.who.slice(5)),
  people: (db, roomId) =>
    skillRows(db, roomId)
      .filter((row) => row.who.startsWith("@"))
      .map((row) => ({ userId: row.who, name: localpart(row.who) })),
};
