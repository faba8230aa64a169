import {
  fitName,
  isRightToLeft,
  layoutPoster,
  nameGrid,
  sortNames,
  type PosterInput,
} from "../../../commands/ledger/rules/poster-layout.js";

const input = (names: string[], lang = "en"): PosterInput => ({
  title: "Care in November 2026",
  subtitle: "Thank you",
  kinds: ["Food: 40 meals"],
  namesHeading: "Thank you",
  names,
  lang,
  continued: (page: number, pages: number) => `continued (${page} of ${pages})`,
});

describe("care poster layout", () => {
  it("orders names alphabetically in the room's language, never by amount", () => {
    expect(sortNames(["Zoë", "Ñoño", "Nora", "Álvaro", "Oscar"], "es")).toEqual([
      "Álvaro",
      "Nora",
      "Ñoño",
      "Oscar",
      "Zoë",
    ]);
    expect(sortNames(["ana 10", "ana 9", "ana 9"], "en")).toEqual(["ana 9", "ana 10"]);
  });

  it("gives every name the same size, and adapts the columns to the crowd", () => {
    expect(nameGrid(4)).toEqual({ columns: 1, size: 40 });
    expect(nameGrid(25)).toEqual({ columns: 2, size: 34 });
    const pages = layoutPoster(input(Array.from({ length: 100 }, (_, i) => `Person ${i}`)));
    expect(pages).toHaveLength(2);
    expect(pages.map((p) => p.names.length)).toEqual([60, 40]);
    const nameSizes = new Set(
      pages.flatMap((p) => p.texts.filter((t) => t.text.startsWith("Person")).map((t) => t.size)),
    );
    expect([...nameSizes]).toEqual([28]);
    expect(pages[1]!.texts[1]!.text).toBe("continued (2 of 2)");
    for (const page of pages) for (const t of page.texts) expect(t.y).toBeLessThan(page.height);
  });

  it("anchors right-to-left names at the right of their column", () => {
    expect(isRightToLeft("فاطمة الزهراء")).toBe(true);
    expect(isRightToLeft("“Алёна”")).toBe(false);
    const [page] = layoutPoster(input(["فاطمة الزهراء", ...Array.from({ length: 20 }, (_, i) => `Ana ${i}`)]));
    const arabic = page!.texts.find((t) => t.rtl)!;
    const latin = page!.texts.find((t) => t.text === "Ana 0")!;
    expect(arabic.anchor).toBe("end");
    expect(latin.anchor).toBe("start");
  });

  it("shortens only a name too long for its column", () => {
    expect(fitName("José", 10)).toBe("José");
    expect(fitName("Maximiliana Fernández", 12)).toBe("Maximiliana…");
  });
});
