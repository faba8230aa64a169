import type { Person } from "../../../src/kernel/invocation.js";
import type { CareKind } from "./kinds.js";
import type { Quantity } from "./units.js";

/** One ledger entry as the domain reads it (the repository maps its rows to this). */
export interface LedgerEntryView {
  /** Per-room entry number, shown to users ("#12"). */
  number: number;
  givers: Person[];
  what: string;
  quantity?: Quantity;
  kind: CareKind;
  /** Epoch milliseconds. */
  recordedAt: number;
}

export type LedgerEntryStatus = "active" | "undone" | "corrected";

/** An entry with what an export needs beyond the view. */
export interface LedgerExportEntry extends LedgerEntryView {
  /** Matrix user id (or console name) of whoever typed the command. */
  recordedBy: string;
  status: LedgerEntryStatus;
}

/** Same person: the Matrix id when known, otherwise the typed name, case- and accent-blind. */
export function personKey(person: Person): string {
  if (person.userId) return `id:${person.userId}`;
  const name = person.name.normalize("NFD").replace(/\p{M}/gu, "").trim().replace(/\s+/gu, " ").toLowerCase();
  return `name:${name}`;
}
