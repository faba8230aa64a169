import { defineFeature } from "../../src/kernel/feature.js";
import { correctionCommands } from "./corrections.js";
import { movementCommands } from "./movements.js";
import { fundPosts, pledgeCommands } from "./pledges.js";
import { fundRoomData } from "./room-data.js";
import { fundServices, type FundSlice } from "./services.js";
import { showCommands } from "./show.js";
import { supportCommands } from "./support.js";
import { fund as en } from "./texts/en.js";
import { fund as es } from "./texts/es.js";

/**
 * The solidarity fund: strike funds and hardship support, transparent inside the cell. Money is
 * exact (integer minor units); a payout needs two people; support is asked for privately.
 */
export const fund = defineFeature<FundSlice, (typeof names)[number]>({
  name: "fund",
  services: fundServices,
  commands: [...showCommands, ...movementCommands, ...correctionCommands, ...pledgeCommands, ...supportCommands],
  posts: fundPosts,
  roomData: [fundRoomData],
  texts: { en, es },
});

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = [
  "fund",
  "fund statement",
  "fund export",
  "fund in",
  "fund out",
  "fund approve",
  "fund keeper",
  "fund pledge",
  "fund ask",
  "fund requests",
  "fund grant",
  "fund decline",
  "fund cancel",
  "fund undo",
  "fund fix",
] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
