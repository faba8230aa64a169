import { defineFeature } from "../../src/kernel/feature.js";
import { assemblyCommands, REPORT_KIND, reportPost } from "./assembly-commands.js";
import { cellCommands } from "./cell-commands.js";
import { federationRoomData } from "./room-data.js";
import { federationServices, type FederationSlice } from "./services.js";
import { federation as en } from "./texts/en.js";
import { federation as es } from "./texts/es.js";

/**
 * Federation, first slice, inside one Tandem: cells link to an assembly room under pseudonyms and
 * send it monthly aggregates (small numbers hidden); hosting rotates among cells, alternating sectors.
 */
export const federation = defineFeature<FederationSlice>({
  name: "federation",
  services: federationServices,
  commands: [...assemblyCommands, ...cellCommands],
  posts: { [REPORT_KIND]: reportPost },
  roomData: [federationRoomData],
  texts: { en, es },
});
