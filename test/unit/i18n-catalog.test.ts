import { catalogs, translator } from "../../src/i18n/index.js";
import type { Entry } from "../../src/i18n/catalog.js";
import { allCommands } from "../../commands/index.js";

const placeholders = (entry: Entry) => {
  const texts = typeof entry === "string" ? [entry] : [entry.one, entry.other];
  return [...new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
};

describe("message catalogs", () => {
  it("Spanish has exactly the English keys", () => {
    expect(Object.keys(catalogs.es).sort()).toEqual(Object.keys(catalogs.en).sort());
  });

  it("every translation uses the same placeholders as English", () => {
    for (const [key, entry] of Object.entries(catalogs.en)) {
      expect([key, placeholders(catalogs.es[key]!)]).toEqual([key, placeholders(entry)]);
    }
  });

  it("every command has a summary, a help group and labels for its arguments in both languages", () => {
    for (const command of allCommands()) {
      for (const lang of ["en", "es"] as const) {
        const t = catalogs[lang];
        expect([command.name, t[command.summary] !== undefined]).toEqual([command.name, true]);
        expect([command.name, t[`help.group.${command.group}`] !== undefined]).toEqual([command.name, true]);
        for (const param of command.params) expect([command.name, param.name, t[`arg.${param.name}`] !== undefined]).toEqual([command.name, param.name, true]);
      }
    }
  });
});

describe("translator", () => {
  it("substitutes people as mentions joined in the language's own way", () => {
    const people = [{ userId: "@a:x", name: "Ana" }, { name: "Bo" }, { name: "Cy" }];
    expect(translator("en").t("ledger.digest.with", { who: people })).toEqual([
      "with ",
      { kind: "mention", person: people[0] },
      ", ",
      { kind: "mention", person: people[1] },
      ", and ",
      { kind: "mention", person: people[2] },
    ]);
    expect(translator("es").text("ledger.digest.with", { who: people })).toBe("con Ana, Bo y Cy");
  });

  it("chooses plural forms by count", () => {
    expect(translator("en").text("unit.hours", { count: 1 })).toBe("1 hour");
    expect(translator("es").text("unit.hours", { count: 2.5 })).toBe("2,5 horas");
  });

  it("never interprets markup inside substituted user text", () => {
    const parts = translator("en").t("ledger.recorded", { who: [{ name: "Ana" }], n: 3, what: "**bold** `code` {n}", kind: "food" });
    expect(parts).toContain("**bold** `code` {n}");
  });
});
