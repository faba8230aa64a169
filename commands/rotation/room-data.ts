import { countRows, type PersonMatch, type RoomDataPart } from "../../src/kernel/room-data.js";
import { roomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import { rotationRepo } from "./repository.js";
import { leaveRole, type RotationState } from "./rules/index.js";
import { rotationServices } from "./services.js";

function rotationKeys(who: PersonMatch): (key: string) => boolean {
  return (key) => key === who.userId || (key.startsWith("name:") && who.names.includes(key.slice(5).toLocaleLowerCase()));
}

function rotationMentions(state: RotationState, matches: (key: string) => boolean): number {
  const inRoles = state.roles.filter((r) => (r.holder !== null && matches(r.holder)) || r.queue.some(matches)).length;
  return inRoles + state.away.filter((a) => matches(a.member)).length + state.history.filter((h) => matches(h.member)).length;
}

/** A person's places in the rotations, absences and past terms: forgetting hands their roles on and keeps the history nameless. */
export const rotationRoomData: RoomDataPart = {
  key: "privacy.part.rotation",
  countPerson: (db, roomId, who) => rotationMentions(rotationRepo(db).load(roomId), rotationKeys(who)),
  forgetPerson(db, roomId, who, someone, now, zone) {
    const matches = rotationKeys(who);
    let { state, calendar } = rotationServices(db).current(roomId, roomJobs(db, roomId, zone, now), zone, now);
    for (const role of state.roles) {
      for (const member of [role.holder, ...role.queue].filter((m): m is string => m !== null && matches(m))) {
        const left = leaveRole(state, role.name, member, now, calendar);
        if (left.ok) state = left.state;
      }
    }
    state = {
      ...state,
      away: state.away.filter((a) => !matches(a.member)),
      history: state.history.map((h) => (matches(h.member) ? { ...h, member: `name:${someone}` } : h)),
    };
    rotationRepo(db).save(roomId, state, now);
  },
  countRoom: (db, roomId) => countRows(db, "SELECT count(*) FROM rotation_state WHERE room_id = ?", roomId),
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM rotation_state WHERE room_id = ?").run(roomId),
};
