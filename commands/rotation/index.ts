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

/** Rotating roles: who holds each role, whose turn is next, who is away, and the weekly announcement. */
export const rotation = defineFeature<RotationSlice>({
  name: "rotation",
  services: rotationServices,
  commands: [...rolesCommands, ...rotationCommands, ...awayCommands],
  posts: { [ANNOUNCE_KIND]: announceRotation },
  roomData: [rotationRoomData],
  texts: { en, es },
});
