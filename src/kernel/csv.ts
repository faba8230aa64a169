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

/** Matrix events must stay well under 64 KiB once encrypted: CSV is split on line ends below this. */
const CHUNK_CHARS = 24_000;

export function csvChunks(csv: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (const line of csv.split(/(?<=\r\n)/)) {
    if (current.length + line.length > CHUNK_CHARS && current) {
      parts.push(current);
      current = "";
    }
    current += line;
  }
  if (current) parts.push(current);
  return parts;
}
