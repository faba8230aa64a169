import { defineFeature } from "../../src/kernel/feature.js";
import { fix, undo } from "./correct.js";
import { month, week } from "./digest.js";
import { exportLedger } from "./export.js";
import { ledgerRoomData } from "./room-data.js";
import { ledgerServices } from "./services.js";
import { show } from "./show.js";
import { en } from "./texts/en.js";
import { es } from "./texts/es.js";
import { thanks } from "./thanks.js";

/** The care ledger: members thank each other for care given; digests read it aloud, never ranked. */
export const ledger = defineFeature({
  name: "ledger",
  services: ledgerServices,
  commands: [thanks, show, week, month, undo, fix, exportLedger],
  roomData: [ledgerRoomData],
  texts: { en, es },
});

// What other features may use of the ledger: care plans record into it, the meeting opener reads it.
export { ledgerReader, ledgerRecorder, type LedgerReader, type LedgerRecorder } from "./services.js";
export type { LedgerEntry, NewLedgerEntry } from "./repository.js";
export type { CareKind } from "./rules/index.js";
