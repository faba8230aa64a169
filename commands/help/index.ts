import { defineFeature } from "../../src/kernel/feature.js";
import { helpCommand } from "./commands.js";
import { help as en } from "./texts/en.js";
import { help as es } from "./texts/es.js";

/** Help, generated from every feature's command descriptions. */
export const help = defineFeature<undefined, (typeof names)[number]>({
  name: "help",
  services: () => undefined,
  commands: [helpCommand],
  texts: { en, es },
});

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = ["help"] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
