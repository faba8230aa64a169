import { csvChunks, toCsv } from "../../src/kernel/csv.js";

describe("toCsv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(toCsv(["a", "b"], [["=1+1", "x,y"], ["+cmd", 'say "hi"'], ["-2", "@me"], ["plain", "line\nbreak"]])).toBe(
      'a,b\r\n\'=1+1,"x,y"\r\n\'+cmd,"say ""hi"""\r\n\'-2,\'@me\r\nplain,"line\nbreak"\r\n',
    );
  });
});

describe("csvChunks", () => {
  it("splits on line ends only, each part under the limit", () => {
    const csv = toCsv(["n"], Array.from({ length: 5000 }, (_, i) => [`row ${i} ${"x".repeat(20)}`]));
    const parts = csvChunks(csv);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join("")).toBe(csv);
    for (const part of parts) expect(part.endsWith("\r\n")).toBe(true);
  });
});
