import { defineFeature } from "../../src/kernel/feature.js";
import { forget, wipe } from "./commands.js";
import { privacy as en } from "./texts/en.js";
import { privacy as es } from "./texts/es.js";

/** Forgetting a person and wiping a cell, across every feature's part of the room's data. */
export const privacy = defineFeature<undefined, (typeof names)[number]>({
  name: "privacy",
  services: () => undefined,
  commands: [forget, wipe],
  texts: { en, es },
});

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = ["forget", "cell wipe"] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
