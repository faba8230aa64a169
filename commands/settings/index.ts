import { defineFeature } from "../../src/kernel/feature.js";
import { settingsCommands } from "./commands.js";
import { welcomeRoomData } from "./room-data.js";
import { settingsServices, type SettingsSlice } from "./services.js";
import { en } from "./texts/en.js";
import { es } from "./texts/es.js";
import { greet, welcomeSwitch, welcomeText } from "./welcome.js";

/** A room's language, time zone, quorum and welcome for newcomers, as its moderators set them. */
export const settings = defineFeature<SettingsSlice, (typeof names)[number]>({
  name: "settings",
  services: settingsServices,
  commands: [...settingsCommands, welcomeSwitch, welcomeText],
  roomData: [welcomeRoomData],
  joined: greet,
  texts: { en, es },
});

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = [
  "settings",
  "settings language",
  "settings timezone",
  "settings quorum",
  "settings welcome",
  "settings welcome text",
] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
