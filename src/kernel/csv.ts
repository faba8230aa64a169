import { MAX_DOC_CHARS } from "./doc-limit.js";

/**
 * RFC 4180 CSV that is safe to open in a spreadsheet: a header row, CRLF line ends, fields quoted
 * when they hold a comma, quote, CR or LF, and a cell that would start a formula (=, +, -, @, tab,
 * CR) prefixed with an apostrophe, so a member's text is never run by the spreadsheet.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(",") + "\r\n").join("");
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Matrix events must stay well under 64 KiB once encrypted: CSV is split on line ends so that a part
 * fits fitToEvent's limit as it travels, JSON-escaped (a quote counts twice) in a document with a
 * line of introduction. A part over it would be cut to an excerpt, and rows lost from the export.
 */
const CHUNK_CHARS = MAX_DOC_CHARS - 1_000;

export function csvChunks(csv: string): string[] {
  const parts: string[] = [];
  let partStart = 0;
  let size = 0;
  for (let start = 0; start < csv.length; ) {
    const end = csv.indexOf("\r\n", start);
    const stop = end === -1 ? csv.length : end + 2;
    const escaped = JSON.stringify(csv.slice(start, stop)).length - 2;
    if (size + escaped > CHUNK_CHARS && start > partStart) {
      parts.push(csv.slice(partStart, start));
      partStart = start;
      size = 0;
    }
    size += escaped;
    start = stop;
  }
  if (partStart < csv.length) parts.push(csv.slice(partStart));
  return parts;
}
