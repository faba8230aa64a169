import type { Db } from "../../src/platform/db.js";
import { ledgerRepo, type LedgerEntry, type LedgerRepo, type NewLedgerEntry } from "./repository.js";

/** What the ledger's commands use: the rooms' ledgers. */
export type LedgerSlice = LedgerRepo;

export const ledgerServices = (db: Db): LedgerSlice => ledgerRepo(db);

/** What another feature may write into the ledger: care given, e.g. when a care plan is done. */
export interface LedgerRecorder {
  /** Records the entry under the room's next number and returns it as stored. */
  record(entry: NewLedgerEntry): LedgerEntry;
}

export function ledgerRecorder(db: Db): LedgerRecorder {
  const repo = ledgerRepo(db);
  return { record: (entry) => repo.record(entry) };
}

/** What another feature may read of the ledger: a room's entries in a time span, e.g. a week's gratitude. */
export interface LedgerReader {
  /** Entries not taken back, recorded in [from, to) (epoch ms), oldest first. */
  between(roomId: string, from: number, to: number): LedgerEntry[];
}

export function ledgerReader(db: Db): LedgerReader {
  const repo = ledgerRepo(db);
  return { between: (roomId, from, to) => repo.between(roomId, from, to) };
}
