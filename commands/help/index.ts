import { defineFeature } from "../../src/kernel/feature.js";
import { helpCommand } from "./commands.js";
import { help as en } from "./texts/en.js";
import { help as es } from "./texts/es.js";

/** Help, generated from every feature's command descriptions. */
export const help = defineFeature<undefined>({
  name: "help",
  services: () => undefined,
  commands: [helpCommand],
  texts: { en, es },
});
