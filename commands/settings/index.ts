import { defineFeature } from "../../src/kernel/feature.js";
import { settingsCommands } from "./commands.js";
import { settingsServices, type SettingsSlice } from "./services.js";
import { en } from "./texts/en.js";
import { es } from "./texts/es.js";

/** A room's language and time zone, as its moderators set them. */
export const settings = defineFeature<SettingsSlice, (typeof names)[number]>({
  name: "settings",
  services: settingsServices,
  commands: settingsCommands,
  texts: { en, es },
});

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = ["settings", "settings language", "settings timezone", "settings quorum"] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
