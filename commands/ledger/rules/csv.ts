import type { LedgerExportEntry } from "./entry.js";

export const CSV_COLUMNS = [
  "number",
  "recorded_at",
  "givers",
  "giver_ids",
  "what",
  "amount",
  "unit",
  "kind",
  "recorded_by",
  "status",
] as const;

/**
 * The ledger as RFC 4180 CSV: a header row, CRLF line ends (after the last record too), fields
 * quoted when they hold a comma, quote, CR or LF. `recorded_at` is ISO 8601 UTC; several givers
 * are joined with "; " (giver_ids keeps the same positions, empty for people not on Matrix).
 * The caller chooses the rows and their order (an export includes undone and corrected entries).
 */
export function toCsv(entries: readonly LedgerExportEntry[]): string {
  const rows = entries.map((entry) => [
    String(entry.number),
    new Date(entry.recordedAt).toISOString(),
    entry.givers.map((giver) => giver.name).join("; "),
    entry.givers.map((giver) => giver.userId ?? "").join("; "),
    entry.what,
    entry.quantity ? String(entry.quantity.amount) : "",
    entry.quantity?.unit ?? "",
    entry.kind,
    entry.recordedBy,
    entry.status,
  ]);
  return [[...CSV_COLUMNS], ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

/**
 * Spreadsheets run a cell starting with = + - @ (or tab / CR, which some strip first) as a
 * formula; a leading single quote makes them show it as text (OWASP "CSV injection").
 */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(raw: string): string {
  const value = neutralise(raw);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
