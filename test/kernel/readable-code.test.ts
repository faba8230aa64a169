import { freshCode, holdsLetter, READABLE_ALPHABET, readableChars } from "../../src/kernel/readable-code.js";

describe("readable codes", () => {
  it("are drawn from letters and digits that cannot be confused", () => {
    const drawn = readableChars(400);
    expect(drawn).toHaveLength(400);
    expect([...drawn].every((c) => READABLE_ALPHABET.includes(c))).toBe(true);
    expect(READABLE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("never give a code that reads as a number (`!vote 6436 agree`), nor one already taken", () => {
    expect(holdsLetter("6436")).toBe(false);
    expect(holdsLetter("64A6")).toBe(true);
    const draws = ["6436", "KXSW", "64A6"];
    const taken = new Set(["KXSW"]);
    expect(
      freshCode(
        4,
        (code) => taken.has(code),
        () => draws.shift()!,
      ),
    ).toBe("64A6");
  });
});
