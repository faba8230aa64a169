import { defineFeature } from "../../src/kernel/feature.js";
import type { Db } from "../../src/platform/db.js";
import { fix, record, revoke, show } from "./decision.js";
import { exportLog, latest, print, search } from "./log.js";
import { decisionsRepo } from "./repository.js";
import { due, review, REVIEW_KIND, reviewPost } from "./review.js";
import { decisionsRoomData } from "./room-data.js";
import { decisionServices, type DecisionSlice } from "./services.js";
import { decisions as en } from "./texts/en.js";
import { decisions as es } from "./texts/es.js";

/** The decision log: every decision logged openly inside the cell, revised and revoked, never deleted. */
export const decisions = defineFeature<DecisionSlice, (typeof names)[number]>({
  name: "decisions",
  services: decisionServices,
  commands: [record, show, fix, revoke, review, latest, search, due, exportLog, print],
  posts: { [REVIEW_KIND]: reviewPost },
  roomData: [decisionsRoomData],
  texts: { en, es },
});

/**
 * How another feature writes into the log: governance records a proposal's outcome (its own table
 * keeps the link to the proposal). Returns the new decision's number. `recordedBy` "" is the bot.
 */
export function decisionRecorder(db: Db) {
  const log = decisionsRepo(db);
  return (roomId: string, text: string, tags: string[], recordedAt: number): number =>
    log.record({ roomId, text, tags, recordedBy: "", recordedAt }).number;
}

/** Federation counts decisions taken in a month, never reading their texts. */
export { decisionsTakenCount } from "./repository.js";

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = [
  "decision",
  "decision show",
  "decision fix",
  "decision revoke",
  "decision review",
  "decisions",
  "decisions search",
  "decisions export",
  "decisions print",
  "decisions due",
] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
