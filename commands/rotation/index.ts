import { defineFeature } from "../../src/kernel/feature.js";
import { ANNOUNCE_KIND } from "./announcement.js";
import { awayCommands } from "./away.js";
import { announceRotation } from "./posts.js";
import { rolesCommands } from "./roles.js";
import { rotationRoomData } from "./room-data.js";
import { rotationCommands } from "./rotation.js";
import { rotationServices, type RotationSlice } from "./services.js";
import { rotation as en } from "./texts/en.js";
import { rotation as es } from "./texts/es.js";
import { roomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import type { Db } from "../../src/platform/db.js";
import { findRole } from "./rules/index.js";

/** Who holds a role in a room now (a member key: user id or `name:…`), or null; other features ask this (the fund asks for its keeper). */
export function currentHolder(db: Db, roomId: string, roleName: string, zone: string, now: number): string | null {
  const { state } = rotationServices(db).current(roomId, roomJobs(db, roomId, zone, now), zone, now);
  return findRole(state, roleName)?.holder ?? null;
}

export { roleWord } from "./rules/built-in-roles.js";

/** Rotating roles: who holds each role, whose turn is next, who is away, and the weekly announcement. */
export const rotation = defineFeature<RotationSlice, (typeof names)[number]>({
  name: "rotation",
  services: rotationServices,
  commands: [...rolesCommands, ...rotationCommands, ...awayCommands],
  posts: { [ANNOUNCE_KIND]: announceRotation },
  roomData: [rotationRoomData],
  texts: { en, es },
});

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = [
  "roles",
  "role add",
  "role remove",
  "role order",
  "role join",
  "role leave",
  "rotation skip",
  "rotation swap",
  "rotation history",
  "rotation announce",
  "away",
  "back",
] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
