import { perDb } from "../../src/platform/per-db.js";
import type { CircleMember, Pass, Skill } from "./rules/index.js";

interface MemberRow {
  user_id: string;
  joined_at: number;
  hosted_count: number;
  last_hosted_at: number | null;
}

const statements = perDb((db) => ({
  members: db.prepare(
    "SELECT user_id, joined_at, hosted_count, last_hosted_at FROM circle_members WHERE room_id = ? ORDER BY joined_at, user_id",
  ),
  join: db.prepare("INSERT OR IGNORE INTO circle_members (room_id, user_id, joined_at) VALUES (?, ?, ?)"),
  leave: db.prepare("DELETE FROM circle_members WHERE room_id = ? AND user_id = ?"),
  hosted: db.prepare(
    "UPDATE circle_members SET hosted_count = hosted_count + 1, last_hosted_at = ? WHERE room_id = ? AND user_id = ?",
  ),
  skills: db.prepare(
    "SELECT who, kind, skill, skill_key AS skillKey FROM skills WHERE room_id = ? ORDER BY added_at, id",
  ),
  addSkill: db.prepare(
    "INSERT OR IGNORE INTO skills (room_id, who, kind, skill, skill_key, added_at) VALUES (?, ?, ?, ?, ?, ?)",
  ),
  countOf: db.prepare("SELECT count(*) FROM skills WHERE room_id = ? AND who = ?").pluck(),
  removeSkill: db.prepare("DELETE FROM skills WHERE room_id = ? AND who = ? AND skill_key = ?"),
  passes: db.prepare("SELECT teacher, learner, skill_key AS skillKey FROM skill_passes WHERE room_id = ?"),
  pass: db.prepare(
    "INSERT OR IGNORE INTO skill_passes (room_id, teacher, learner, skill_key, passed_at) VALUES (?, ?, ?, ?, ?)",
  ),
}));

/** A room's circle members (with their hosting turns), skills offered and wanted, and declined pairs. */
export const circlesRepo = perDb((db) => {
  const s = statements(db);
  return {
    members(roomId: string): CircleMember[] {
      return (s.members.all(roomId) as MemberRow[]).map((r) => ({
        userId: r.user_id,
        joinedAt: r.joined_at,
        hostedCount: r.hosted_count,
        lastHostedAt: r.last_hosted_at,
      }));
    },
    /** False when they were in already. */
    join: (roomId: string, userId: string, at: number): boolean => s.join.run(roomId, userId, at).changes > 0,
    leave: (roomId: string, userId: string): boolean => s.leave.run(roomId, userId).changes > 0,
    hosted(roomId: string, userId: string, at: number): void {
      s.hosted.run(at, roomId, userId);
    },
    skills: (roomId: string): Skill[] => s.skills.all(roomId) as Skill[],
    /** False when they had it already. */
    addSkill: (roomId: string, skill: Skill, at: number): boolean =>
      s.addSkill.run(roomId, skill.who, skill.kind, skill.skill, skill.skillKey, at).changes > 0,
    countOf: (roomId: string, who: string): number => s.countOf.get(roomId, who) as number,
    /** Removes the skill as offered and as wanted; how many went. */
    removeSkill: (roomId: string, who: string, key: string): number => s.removeSkill.run(roomId, who, key).changes,
    passes: (roomId: string): Pass[] => s.passes.all(roomId) as Pass[],
    pass(roomId: string, pass: Pass, at: number): void {
      s.pass.run(roomId, pass.teacher, pass.learner, pass.skillKey, at);
    },
  };
});

export type CirclesRepo = ReturnType<typeof circlesRepo>;
