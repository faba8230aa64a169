import { doc, list, p } from "../../src/kernel/doc.js";
import { fitToEvent, MAX_DOC_CHARS } from "../../src/kernel/doc-limit.js";
import { allTexts } from "../../app/app.js";

const t = allTexts().translator("en");

describe("fitToEvent", () => {
  it("leaves a reply that fits alone", () => {
    const small = doc(p("hello"), list([["a"], ["b"]]));
    expect(fitToEvent(small, t)).toBe(small);
  });

  it("cuts a long list and says how many were left out", () => {
    const items = Array.from({ length: 5_000 }, (_, i) => [`entry number ${i} with some words to make it longer`]);
    const fitted = fitToEvent(doc(p("Title"), list(items)), t);
    expect(JSON.stringify(fitted.blocks).length).toBeLessThanOrEqual(MAX_DOC_CHARS + 200);
    const kept = (fitted.blocks[1] as { items: unknown[] }).items.length;
    const last = fitted.blocks.at(-1) as { parts: string[] };
    expect(last.parts.join("")).toContain(`${(5_000 - kept).toLocaleString("en")} more`);
  });

  it("cuts a 100 KB text to an excerpt", () => {
    const fitted = fitToEvent(doc(p("x".repeat(100_000))), t);
    expect(JSON.stringify(fitted).length).toBeLessThan(MAX_DOC_CHARS);
  });
});
