import { defineFeature } from "../../src/kernel/feature.js";
import type { Db } from "../../src/platform/db.js";
import { month, show, showEntry, week } from "./read.js";
import { fix, redo, thanks, undo } from "./record.js";
import { ledgerRepo } from "./repository.js";
import { ledgerRoomData } from "./room-data.js";
import { ledgerServices } from "./services.js";
import { exportLedger, poster } from "./share.js";
import { en } from "./texts/en.js";
import { es } from "./texts/es.js";

/** The care ledger: members thank each other for care given; digests read it aloud, never ranked. */
export const ledger = defineFeature({
  name: "ledger",
  services: ledgerServices,
  commands: [thanks, show, week, month, poster, undo, redo, fix, showEntry, exportLedger],
  roomData: [ledgerRoomData],
  texts: { en, es },
});

// What other features may use of the ledger: care plans record into it, the meeting opener reads it.
export { ledgerReader, ledgerRecorder, type LedgerReader, type LedgerRecorder } from "./services.js";
export type { LedgerEntry, NewLedgerEntry } from "./repository.js";
export type { CareKind } from "./rules/index.js";
// The monthly assembly posts the month's digest and care poster.
export { digestDoc, monthName } from "./read.js";
export { kindName } from "./render.js";
export { posterDocs } from "./share.js";
export { buildDigest, monthPeriod } from "./rules/index.js";
// The fund's statement reads months as `!ledger month` does.
export { EARLIEST_YEAR, readMonth } from "./rules/index.js";
export { CARE_KINDS } from "./rules/kinds.js";

/** What another feature may take back of what it recorded: a care plan reopened un-records its care, as `!ledger undo` would. */
export interface LedgerRetractor {
  /** Takes back the room's entry `number`; false when there is none or it was already taken back. */
  retract(roomId: string, number: number, by: string, at: number): boolean;
}

export function ledgerRetractor(db: Db): LedgerRetractor {
  const repo = ledgerRepo(db);
  return {
    retract(roomId, number, by, at) {
      const entry = repo.get(roomId, number);
      if (!entry || entry.status === "undone") return false;
      repo.undo(entry, by, at);
      return true;
    },
  };
}

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = [
  "ledger thanks",
  "ledger",
  "ledger week",
  "ledger month",
  "ledger poster",
  "ledger undo",
  "ledger redo",
  "ledger fix",
  "ledger entry",
  "ledger export",
] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
