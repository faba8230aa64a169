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
 * are joined with "; " (giver_ids keeps the same positions, empty for people not on Matrix, and is
 * empty altogether when nobody has an id).
 * The caller chooses the rows and their order (an export includes undone and corrected entries).
 */
export function toCsv(entries: readonly LedgerExportEntry[]): string {
  // Built as one string, field by field: an export of 10,000 entries is 100,000 fields.
  let csv = CSV_COLUMNS.map(csvField).join(",") + "\r\n";
  for (const entry of entries) {
    const names = entry.givers.map((giver) => giver.name).join("; ");
    // Positions matter only when someone has an id: givers all named in plain text leave the column empty, not "; ".
    const ids = entry.givers.some((giver) => giver.userId)
      ? entry.givers.map((giver) => giver.userId ?? "").join("; ")
      : "";
    // The number and the ISO time are digits and separators: nothing to quote or neutralise.
    csv += `${entry.number},${new Date(entry.recordedAt).toISOString()},${csvField(names)},${csvField(ids)},${csvField(entry.what)},`;
    csv += `${entry.quantity ? csvField(String(entry.quantity.amount)) : ""},${csvField(entry.quantity?.unit ?? "")},${csvField(entry.kind)},`;
    csv += `${csvField(entry.recordedBy)},${csvField(entry.status)}\r\n`;
  }
  return csv;
}

/**
 * Spreadsheets run a cell starting with = + - @ (or tab / CR, which some strip first) as a
 * formula; a leading single quote makes them show it as text (OWASP "CSV injection").
 */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Most fields need neither: one test decides. */
const NEEDS_CARE = /^[=+\-@\t\r]|[",\r\n]/;

function csvField(raw: string): string {
  if (!NEEDS_CARE.test(raw)) return raw;
  const value = neutralise(raw);
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
