import { defineFeature } from "../../src/kernel/feature.js";
import { circleCommands } from "./circle.js";
import { circlePosts } from "./posts.js";
import { circleMembersRoomData, skillsRoomData } from "./room-data.js";
import { circleServices, type CircleSlice } from "./services.js";
import { skillCommands } from "./skills.js";
import { circles as en } from "./texts/en.js";
import { circles as es } from "./texts/es.js";

/** Story and skill circles: a weekly gathering with a rotating host, and who could teach what. */
export const circles = defineFeature<CircleSlice, (typeof names)[number]>({
  name: "circles",
  services: circleServices,
  commands: [...circleCommands, ...skillCommands],
  posts: circlePosts,
  roomData: [circleMembersRoomData, skillsRoomData],
  texts: { en, es },
});

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = [
  "circle",
  "circle weekly",
  "circle stop",
  "circle join",
  "circle leave",
  "skill add",
  "skill want",
  "skill remove",
  "skill pass",
  "skills",
] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
