import { defineFeature } from "../../src/kernel/feature.js";
import { settingsCommands } from "./commands.js";
import { welcomeRoomData } from "./room-data.js";
import { settingsServices, type SettingsSlice } from "./services.js";
import { en } from "./texts/en.js";
import { es } from "./texts/es.js";
import { greet, welcomeSwitch, welcomeText } from "./welcome.js";

/** A room's language, time zone, quorum and welcome for newcomers, as its moderators set them. */
export const settings = defineFeature<SettingsSlice>({
  name: "settings",
  services: settingsServices,
  commands: [...settingsCommands, welcomeSwitch, welcomeText],
  roomData: [welcomeRoomData],
  joined: greet,
  texts: { en, es },
});
