import { allTexts } from "../../app/app.js";
import type { Entry } from "../../src/kernel/i18n/catalog.js";

const texts = allTexts();
const { en, es } = texts.catalogs;

const placeholders = (entry: Entry) => {
  const strings = typeof entry === "string" ? [entry] : [entry.one, entry.other];
  return [...new Set(strings.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
};

describe("message catalogs", () => {
  it("Spanish has exactly the English keys", () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
  });

  it("every translation uses the same placeholders as English", () => {
    for (const [key, entry] of Object.entries(en)) {
      expect([key, placeholders(es[key]!)]).toEqual([key, placeholders(entry)]);
    }
  });
});

describe("translator", () => {
  it("substitutes people as mentions joined in the language's own way", () => {
    const people = [{ userId: "@a:x", name: "Ana" }, { name: "Bo" }, { name: "Cy" }];
    expect(texts.translator("en").t("ledger.digest.with", { who: people })).toEqual([
      "with ",
      { kind: "mention", person: people[0] },
      ", ",
      { kind: "mention", person: people[1] },
      ", and ",
      { kind: "mention", person: people[2] },
    ]);
    expect(texts.translator("es").text("ledger.digest.with", { who: people })).toBe("con Ana, Bo y Cy");
  });

  it("chooses plural forms by count", () => {
    expect(texts.translator("en").text("unit.hours", { count: 1 })).toBe("1 hour");
    expect(texts.translator("es").text("unit.hours", { count: 2.5 })).toBe("2,5 horas");
  });

  it("never interprets markup inside substituted user text", () => {
    const parts = texts
      .translator("en")
      .t("ledger.recorded", { who: [{ name: "Ana" }], n: 3, what: "**bold** `code` {n}", kind: "food" });
    expect(parts).toContain("**bold** `code` {n}");
  });
});
