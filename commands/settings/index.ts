import { defineFeature } from "../../src/kernel/feature.js";
import { settingsCommands } from "./commands.js";
import { settingsServices, type SettingsSlice } from "./services.js";
import { en } from "./texts/en.js";
import { es } from "./texts/es.js";

/** A room's language and time zone, as its moderators set them. */
export const settings = defineFeature<SettingsSlice>({
  name: "settings",
  services: settingsServices,
  commands: settingsCommands,
  texts: { en, es },
});
