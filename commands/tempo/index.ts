import { defineFeature } from "../../src/kernel/feature.js";
import { tempoCommands } from "./commands.js";
import { tempoRoomData } from "./room-data.js";
import { roomRhythm, type RoomRhythm } from "./services.js";
import { en } from "./texts/en.js";
import { es } from "./texts/es.js";

/** A campaign's rhythm: bursts of action and slow phases, with the moon; other features' prompts follow it. */
export const tempo = defineFeature<RoomRhythm, (typeof names)[number]>({
  name: "tempo",
  services: roomRhythm,
  commands: tempoCommands,
  roomData: [tempoRoomData],
  texts: { en, es },
});

export { roomRhythm, type RoomRhythm };
export { effectiveTempo, nextPromptFocus, type PromptFocus, type TempoPhase, type TempoState } from "./rules/index.js";

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = ["tempo"] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
