import { localpart } from "../../src/kernel/mentions.js";
import { isNamed, type PersonMatch, type RoomDataPart } from "../../src/kernel/room-data.js";
import { roomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import { rotationRepo } from "./repository.js";
import { leaveRole, type RotationState } from "./rules/index.js";
import { rotationServices } from "./services.js";

/** Members are stored as a user id or `name:<typed name>`; typed names compare by their key. */
function rotationKeys(who: PersonMatch): (key: string) => boolean {
  return (key) => key === who.userId || (key.startsWith("name:") && isNamed(who, key.slice(5)));
}

/**
 * A person's places: each role they hold, wait for or held before, once per role however many
 * terms and absences they had (counting those too made two roles read as five). An absence alone,
 * with no role, is still something kept about them: one place.
 */
function rotationPlaces(state: RotationState, matches: (key: string) => boolean): number {
  const roles = new Set([
    ...state.roles.filter((r) => (r.holder !== null && matches(r.holder)) || r.queue.some(matches)).map((r) => r.name),
    ...state.history.filter((h) => matches(h.member)).map((h) => h.role),
  ]);
  return roles.size || (state.away.some((a) => matches(a.member)) ? 1 : 0);
}

function members(state: RotationState): string[] {
  return [
    ...state.roles.flatMap((r) => [r.holder, ...r.queue]),
    ...state.away.map((a) => a.member),
    ...state.history.map((h) => h.member),
  ].filter((m): m is string => m !== null);
}

/** A person's places in the rotations, absences and past terms: forgetting hands their roles on and keeps the history nameless. */
export const rotationRoomData: RoomDataPart = {
  key: "privacy.part.rotation",
  wipeKey: "privacy.wipe.rotation",
  tables: ["rotation_state"],
  countPerson: (db, roomId, who) => rotationPlaces(rotationRepo(db).load(roomId), rotationKeys(who)),
  forgetPerson(db, roomId, who, someone, now, zone) {
    const matches = rotationKeys(who);
    let { state, calendar } = rotationServices(db).current(roomId, roomJobs(db, roomId, zone, now), zone, now);
    for (const role of state.roles) {
      for (const member of [role.holder, ...role.queue].filter((m): m is string => m !== null && matches(m))) {
        const left = leaveRole(state, role.name, member, now, calendar);
        if (left.ok) state = left.value.state;
      }
    }
    state = {
      ...state,
      away: state.away.filter((a) => !matches(a.member)),
      history: state.history.map((h) => (matches(h.member) ? { ...h, member: `name:${someone}` } : h)),
    };
    rotationRepo(db).save(roomId, state, now);
  },
  countRoom(db, roomId) {
    const state = rotationRepo(db).load(roomId);
    // A rotation whose roles were all removed still keeps absences and past terms worth wiping.
    return state.roles.length || (state.history.length + state.away.length > 0 ? 1 : 0);
  },
  wipeRoom: (db, roomId) => void db.prepare("DELETE FROM rotation_state WHERE room_id = ?").run(roomId),
  typedNames: (db, roomId) => [
    ...new Set(
      members(rotationRepo(db).load(roomId))
        .filter((m) => m.startsWith("name:"))
        .map((m) => m.slice(5)),
    ),
  ],
  people: (db, roomId) =>
    [...new Set(members(rotationRepo(db).load(roomId)).filter((m) => m.startsWith("@")))].map((userId) => ({
      userId,
      name: localpart(userId),
    })),
};
