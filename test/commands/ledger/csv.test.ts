import { toCsv } from "../../../commands/ledger/rules/csv.js";
import type { LedgerExportEntry } from "../../../commands/ledger/rules/entry.js";

const HEADER = "number,recorded_at,givers,giver_ids,what,amount,unit,kind,recorded_by,status\r\n";

function row(overrides: Partial<LedgerExportEntry> = {}): LedgerExportEntry {
  return {
    number: 1,
    givers: [{ userId: "@ana:example.org", name: "Ana" }],
    what: "cooked 40 meals",
    quantity: { amount: 40, unit: "meals" },
    kind: "food",
    recordedAt: Date.UTC(2026, 3, 6, 9, 30),
    recordedBy: "@bo:example.org",
    status: "active",
    ...overrides,
  };
}

describe("toCsv", () => {
  test("only the header for an empty ledger", () => {
    expect(toCsv([])).toBe(HEADER);
  });

  // Matrix ids start with "@", so they are neutralised like any other cell: a spreadsheet shows
  // the quote rather than a formula error, and a program strips one leading quote.
  test("one plain row, ISO UTC time, CRLF line ends", () => {
    expect(toCsv([row()])).toBe(
      HEADER +
        "1,2026-04-06T09:30:00.000Z,Ana,'@ana:example.org,cooked 40 meals,40,meals,food,'@bo:example.org,active\r\n",
    );
  });

  test("several givers are joined with '; ', ids keep their positions", () => {
    const csv = toCsv([row({ givers: [{ name: "Cy" }, { userId: "@bo:example.org", name: "Bo" }] })]);
    expect(csv.split("\r\n")[1]).toBe(
      "1,2026-04-06T09:30:00.000Z,Cy; Bo,; @bo:example.org,cooked 40 meals,40,meals,food,'@bo:example.org,active",
    );
  });

  test("no quantity leaves amount and unit empty; decimals use a dot", () => {
    const lines = toCsv([
      row({ quantity: undefined, what: "listened", kind: "emotional" }),
      row({ number: 2, quantity: { amount: 1.5, unit: "h" } }),
    ]).split("\r\n");
    expect(lines[1]).toContain(",listened,,,emotional,");
    expect(lines[2]).toContain(",1.5,h,");
  });

  test("commas, quotes and newlines are quoted, quotes doubled", () => {
    const csv = toCsv([row({ what: 'soup, bread and "love"\nfor all', givers: [{ name: "Ana, la de Rivas" }] })]);
    expect(csv).toBe(
      HEADER +
        '1,2026-04-06T09:30:00.000Z,"Ana, la de Rivas",,"soup, bread and ""love""\nfor all",40,meals,food,\'@bo:example.org,active\r\n',
    );
  });

  test.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+1 meal", "'+1 meal"],
    ["-5 stolen", "'-5 stolen"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
  ])("a cell starting like a formula is neutralised: %j", (what, cell) => {
    const fields = toCsv([row({ what })]).split("\r\n")[1] ?? "";
    expect(fields).toContain(`,${cell},`);
  });

  test("formula neutralising applies to names too", () => {
    const line = toCsv([row({ givers: [{ name: "=cmd|' /C calc'!A0" }] })]).split("\r\n")[1] ?? "";
    expect(line).toContain(",'=cmd|' /C calc'!A0,");
  });

  test("a formula sign inside a cell is left alone", () => {
    expect(toCsv([row({ what: "1+1=2 meals" })])).toContain(",1+1=2 meals,");
  });

  test("undone and corrected entries keep their status", () => {
    const lines = toCsv([row({ status: "undone" }), row({ number: 2, status: "corrected" })]).split("\r\n");
    expect(lines[1]?.endsWith(",undone")).toBe(true);
    expect(lines[2]?.endsWith(",corrected")).toBe(true);
  });

  test("accents and emoji pass through untouched", () => {
    expect(toCsv([row({ what: "cocinó 🍲 para la asamblea" })])).toContain(",cocinó 🍲 para la asamblea,");
  });

  test("every record has the same number of fields", () => {
    const csv = toCsv([
      row(),
      row({ number: 2, quantity: undefined, givers: [{ name: "A" }, { name: "B" }, { name: "C" }] }),
    ]);
    const records = csv.trimEnd().split("\r\n");
    for (const record of records) expect(record.split(",")).toHaveLength(10);
  });
});
