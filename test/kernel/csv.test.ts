import { csvChunks, toCsv } from "../../src/kernel/csv.js";
import { doc, p, pre } from "../../src/kernel/doc.js";
import { fitToEvent, MAX_DOC_CHARS } from "../../src/kernel/doc-limit.js";
import { kernelTexts, Texts } from "../../src/kernel/i18n/index.js";

describe("toCsv", () => {
  it("quotes what needs quoting and defuses formulas", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["=1+1", "x,y"],
          ["+cmd", 'say "hi"'],
          ["-2", "@me"],
          ["plain", "line\nbreak"],
        ],
      ),
    ).toBe('a,b\r\n\'=1+1,"x,y"\r\n\'+cmd,"say ""hi"""\r\n\'-2,\'@me\r\nplain,"line\nbreak"\r\n');
  });
});

describe("csvChunks", () => {
  it("splits on line ends only, each part under the limit", () => {
    const csv = toCsv(
      ["n"],
      Array.from({ length: 5000 }, (_, i) => [`row ${i} ${"x".repeat(20)}`]),
    );
    const parts = csvChunks(csv);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join("")).toBe(csv);
    for (const part of parts) expect(part.endsWith("\r\n")).toBe(true);
  });

  it("keeps each part whole once it travels as JSON with a line of introduction, quotes and all", () => {
    const csv = toCsv(
      ["n", "what"],
      Array.from({ length: 3000 }, (_, i) => [String(i), `"quoted" ${'"'.repeat(i % 30)} text, with a comma`]),
    );
    const t = new Texts([kernelTexts]).translator("en");
    const parts = csvChunks(csv);
    for (const part of parts) {
      const sent = doc(
        p(`Part ${parts.length} of ${parts.length}: the export, ${"x".repeat(200)}`),
        pre(part.replace(/\r\n/g, "\n").trimEnd()),
      );
      expect(JSON.stringify(sent.blocks).length).toBeLessThanOrEqual(MAX_DOC_CHARS);
      expect(fitToEvent(sent, t)).toBe(sent);
    }
  });
});
