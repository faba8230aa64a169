import { cleanInput, excerpt, nameKey } from "../../src/kernel/text-hygiene.js";

describe("cleanInput", () => {
  it("removes control, bidi and invisible characters and keeps newlines", () => {
    expect(cleanInput("a\u0000b\u0007c\nd")).toBe("abc\nd");
    expect(cleanInput("@a\u2060na @a\u200bna @a\u200dna")).toBe("@ana @ana @ana");
    expect(cleanInput("\u202eevil\u202c \u2066iso\u2069")).toBe("evil iso");
    expect(cleanInput("tab\there\r\nnext")).toBe("tab here\nnext");
  });
});

describe("nameKey", () => {
  it("folds accents' case, compatibility forms and ß the same way everywhere", () => {
    expect(nameKey("Álvaro")).toBe(nameKey("ÁLVARO"));
    expect(nameKey("Ángela")).toBe("ángela");
    expect(nameKey("ÓSCAR")).toBe("óscar");
    expect(nameKey("Straße")).toBe(nameKey("STRASSE"));
    expect(nameKey("Ａｎａ")).toBe("ana");
    expect(nameKey("  Maria   José ")).toBe("maria josé");
    expect(nameKey("A\u0301lvaro")).toBe(nameKey("Álvaro"));
  });
});

describe("excerpt", () => {
  it("keeps short text and shortens long text with an ellipsis", () => {
    expect(excerpt("short")).toBe("short");
    const long = excerpt("x".repeat(100_000));
    expect([...long].length).toBe(60);
    expect(long.endsWith("…")).toBe(true);
  });
});
