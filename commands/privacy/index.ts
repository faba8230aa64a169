import { defineFeature } from "../../src/kernel/feature.js";
import { forget, wipe } from "./commands.js";
import { privacy as en } from "./texts/en.js";
import { privacy as es } from "./texts/es.js";

/** Forgetting a person and wiping a cell, across every feature's part of the room's data. */
export const privacy = defineFeature<undefined>({
  name: "privacy",
  services: () => undefined,
  commands: [forget, wipe],
  texts: { en, es },
});
