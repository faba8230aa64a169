import { tokenize } from "../../src/kernel/tokenizer.js";

const values = (s: string) => tokenize(s).map((t) => t.value);

describe("tokenize", () => {
  it("splits on any kind of whitespace", () => {
    expect(values("ledger\tthanks\u00a0@ana  cooked\n40\u2003meals")).toEqual([
      "ledger",
      "thanks",
      "@ana",
      "cooked",
      "40",
      "meals",
    ]);
  });

  it("groups quoted words with straight and typographic quotes", () => {
    expect(values(`role add "night shift" “Maria José” «tres palabras aquí»`)).toEqual([
      "role",
      "add",
      "night shift",
      "Maria José",
      "tres palabras aquí",
    ]);
  });

  it("keeps apostrophes inside words", () => {
    expect(values("thanks @ana for Ana's soup, don't forget")).toEqual([
      "thanks",
      "@ana",
      "for",
      "Ana's",
      "soup,",
      "don't",
      "forget",
    ]);
  });

  it("runs an unclosed quote to the end of the line", () => {
    expect(values('fix 3 "cooked soup')).toEqual(["fix", "3", "cooked soup"]);
  });

  it("reports offsets so the rest of a line can be taken verbatim", () => {
    const text = "thanks @ana  cooked   40 meals";
    const tokens = tokenize(text);
    expect(text.slice(tokens[2]!.start)).toBe("cooked   40 meals");
    expect(tokens[1]).toMatchObject({ value: "@ana", start: 7, end: 11, quoted: false });
  });

  it("returns nothing for blank input", () => {
    expect(tokenize(" \u200b\t ")).toEqual([]);
  });
});
