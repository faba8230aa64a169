import { extractText, getDocumentProxy } from "unpdf";
import { renderPdf } from "../../src/platform/print/pdf.js";
import { scriptRuns, visualRuns } from "../../src/platform/print/script-runs.js";

const textOf = async (bytes: Buffer) =>
  (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;

describe("printing", () => {
  it("cuts text into runs by script, and draws a right-to-left line from its end", () => {
    expect(scriptRuns("Ana and فاطمة agree")).toEqual([
      { script: "latin", text: "Ana and " },
      { script: "arabic", text: "فاطمة " },
      { script: "latin", text: "agree" },
    ]);
    expect(visualRuns("فاطمة and Ana")).toEqual([
      { script: "latin", text: "and Ana " },
      { script: "arabic", text: "فاطمة" },
    ]);
  });

  it("prints names with accents, Greek, Cyrillic and Arabic as text that can be copied", async () => {
    const bytes = renderPdf({
      size: "A3",
      title: "Decisions",
      blocks: [
        { kind: "title", text: "Decisions" },
        { kind: "subtitle", text: "1 December 2026" },
        { kind: "item", number: 1, text: "José Núñez and Françoise meet on Thursdays", note: "recorded by Zoë" },
        { kind: "item", number: 2, text: "Ελένη Παπαδοπούλου keeps the fund", note: "recorded by Ирина Петрова" },
        { kind: "item", number: 3, text: "فاطمة الزهراء تنسق الاجتماع" },
        { kind: "item", number: 4, text: "Ana and فاطمة share the rota" },
      ],
    });
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = (await textOf(bytes)).normalize("NFC");
    for (const words of [
      "José Núñez",
      "Françoise",
      "Zoë",
      "Ελένη Παπαδοπούλου",
      "Ирина Петрова",
      "فاطمة",
      "الزهراء",
      "Ana and",
    ])
      expect(text).toContain(words);
  });

  it("prints on A4 when asked, and across pages when the list is long", async () => {
    const blocks = Array.from({ length: 60 }, (_, i) => ({
      kind: "item" as const,
      number: i + 1,
      text: `Decision number ${i + 1}`,
    }));
    const bytes = renderPdf({ size: "A4", title: "Decisions", blocks });
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    expect(pdf.numPages).toBeGreaterThan(1);
    const [width] = (await pdf.getPage(1)).view.slice(2);
    expect(Math.round(width!)).toBe(595);
  });
});
