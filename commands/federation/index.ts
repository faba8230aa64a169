import { defineFeature } from "../../src/kernel/feature.js";
import { reportCommands } from "./actions/report.js";
import { windowCommands } from "./actions/window.js";
import { ACTION_START_KIND, actionStartPost } from "./actions/posts.js";
import { actionsRoomData } from "./actions/room-data.js";
import { assemblyCommands, REPORT_KIND, reportPost, roundDuePost } from "./assembly-commands.js";
import { boardCommands } from "./board/commands.js";
import { boardRoomData } from "./board/room-data.js";
import { storyCommands } from "./board/stories.js";
import { federationEvents } from "./events.js";
import { ROUND_DUE_KIND } from "./rounds.js";
import { cellCommands } from "./cell-commands.js";
import { federationRepo } from "./repository.js";
import { federationRoomData } from "./room-data.js";
import { federationServices, type FederationSlice } from "./services.js";
import { federation as en } from "./texts/en.js";
import { federation as es } from "./texts/es.js";

/**
 * Federation: cells link to an assembly room under pseudonyms and send it monthly aggregates (small
 * numbers hidden); hosting rotates among cells, alternating sectors. Cell and assembly may live in
 * one Tandem or in two (protocol/: encrypted events in the assembly room). Cells post offers and
 * needs, answer each other's, exchange contacts only when both consent, and share stories (board/).
 * An assembly proposes days of action; each cell that joins gets its own care plan, and the assembly
 * sees only how many cells are in (actions/).
 */
export const federation = defineFeature<FederationSlice, (typeof names)[number]>({
  name: "federation",
  services: federationServices,
  commands: [
    ...assemblyCommands,
    ...cellCommands,
    ...boardCommands,
    ...storyCommands,
    ...windowCommands,
    ...reportCommands,
  ],
  posts: { [REPORT_KIND]: reportPost, [ROUND_DUE_KIND]: roundDuePost, [ACTION_START_KIND]: actionStartPost },
  events: federationEvents,
  // The board's and the actions' parts first: wiping a cell, they still find the cell's id in its membership.
  roomData: [boardRoomData, actionsRoomData, federationRoomData],
  // In an assembly another Tandem hosts, that Tandem answers; this one only carries its cells' events.
  othersRoom: (db, roomId) => federationRepo(db).isOthersAssembly(roomId),
  // The Tandems that speak for cells in an assembly this one hosts are members there, not people.
  bots: (db, roomId) =>
    federationRepo(db)
      .cells(roomId)
      .flatMap((c) => (c.tandem ? [c.tandem] : [])),
  hosts: (db, roomId) => federationRepo(db).assembly(roomId) !== undefined,
  texts: { en, es },
});

/** A cell's care plan of a day of action, cancelled: the cell steps out of the action (the registry hands it to care plans). */
export { stepOutWithPlan as federationPlanCancelled } from "./actions/plan-cancelled.js";

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = [
  "assembly start",
  "assembly invite",
  "assembly report",
  "federate",
  "federation",
  "federation preview",
  "federation pause",
  "federation resume",
  "federation leave",
  "cell sector",
  "offer",
  "need",
  "answer",
  "contact",
  "contact verify",
  "story share",
  "story approve",
  "stories",
  "action propose",
  "action join",
  "action withdraw",
  "actions",
  "action share",
  "action report",
] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
