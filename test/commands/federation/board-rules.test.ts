import { contactPlain, readContact } from "../../../commands/federation/board/rules/contact.js";
import { sameCode, safetyCode } from "../../../commands/federation/board/rules/safety-code.js";
import { newKeyPair, open, PUBLIC_KEY, seal, sealContext } from "../../../commands/federation/board/rules/seal.js";
import { BOARD_TEXT_MAX, boardCrossing } from "../../../commands/federation/board/rules/text.js";
import { cross } from "../../../src/kernel/crossing.js";

describe("federation board rules", () => {
  describe("cleaning a text before it crosses", () => {
    const words = { someone: "someone", link: "[link]", phone: "[phone]" };
    const clean = (text: string) => cross(text, words, BOARD_TEXT_MAX);

    it("turns every way of naming a person on Matrix into someone, and says it did", () => {
      expect(clean("ask @ana or @Bo_2 for the van")).toEqual({
        text: "ask someone or someone for the van",
        removed: ["person"],
      });
      expect(clean("call @ana:example.org about it")).toEqual({ text: "call someone about it", removed: ["person"] });
      expect(clean("see https://matrix.to/#/@dee:b.org?via=b.org today")).toEqual({
        text: "see someone today",
        removed: ["person"],
      });
      expect(clean("write to ana.garcia@mail.example.com")).toEqual({ text: "write to someone", removed: ["person"] });
      expect(cross("pregunta a @ana", { ...words, someone: "alguien" }, BOARD_TEXT_MAX)).toEqual({
        text: "pregunta a alguien",
        removed: ["person"],
      });
    });

    it("keeps hashtags, times, prices and a lone @ as they are", () => {
      expect(clean("a van #transport at #3:30, €20 @ the depot")).toEqual({
        text: "a van #transport at #3:30, €20 @ the depot",
        removed: [],
      });
    });

    it("refuses a room's id, alias or link rather than rewriting it", () => {
      expect(clean("we are !kq3:b.org")).toEqual({ problem: "room" });
      expect(clean("join #night-shift:example.org")).toEqual({ problem: "room" });
      expect(clean("see matrix.to/#/!abc:example.org")).toEqual({ problem: "room" });
      expect(clean("ask in !abc:localhost")).toEqual({ problem: "room" });
    });

    it("makes it one line without invisible or control characters, and bounds its length", () => {
      expect(clean("  a van\n\non\u200b Saturday\u202e \u0007")).toEqual({ text: "a van on Saturday", removed: [] });
      expect(clean("x".repeat(BOARD_TEXT_MAX))).toEqual({ text: "x".repeat(BOARD_TEXT_MAX), removed: [] });
      expect(clean("é".repeat(BOARD_TEXT_MAX + 1))).toEqual({ problem: "too_long", length: BOARD_TEXT_MAX + 1 });
      expect(clean(" \u200b\n ")).toEqual({ problem: "empty" });
    });

    it("accepts from another Tandem only what a cell could have sent", () => {
      expect(boardCrossing("a van on Saturday, ask someone")).toBe("a van on Saturday, ask someone");
      expect(boardCrossing("un furgón, pregunta a alguien, [enlace]")).toBeDefined();
      expect(boardCrossing("ask @ana")).toBeUndefined();
      expect(boardCrossing("ask @ana:a.org")).toBeUndefined();
      expect(boardCrossing("we are !kq3:b.org")).toBeUndefined();
      expect(boardCrossing("see www.example.com/ana")).toBeUndefined();
      expect(boardCrossing("call +34 612 345 678")).toBeUndefined();
      expect(boardCrossing("two  spaces")).toBeUndefined();
      expect(boardCrossing("x".repeat(BOARD_TEXT_MAX + 1))).toBeUndefined();
    });
  });

  describe("sealing a contact for the other cell", () => {
    const riverside = newKeyPair();
    const hilltop = newKeyPair();
    const context = sealContext("!hall:a.org", 7, "poster");
    const ana = contactPlain({ name: "Ana", userId: "@ana:a.org" });

    it("makes keys that travel as 43 base64url characters", () => {
      expect(riverside.publicKey).toMatch(PUBLIC_KEY);
      expect(riverside.publicKey).not.toBe(hilltop.publicKey);
    });

    it("lets only the other cell open it, in this exchange, sealed by this side", () => {
      const blob = seal(ana, riverside, hilltop.publicKey, context)!;
      expect(blob).not.toContain("Ana");
      expect(Buffer.from(blob, "base64url").toString("latin1")).not.toContain("ana");
      expect(open(blob, hilltop, riverside.publicKey, context)).toBe(ana);
      expect(readContact(open(blob, hilltop, riverside.publicKey, context)!)).toEqual({
        name: "Ana",
        userId: "@ana:a.org",
      });
      // The assembly, with a key of its own, cannot open it.
      const assembly = newKeyPair();
      expect(open(blob, assembly, riverside.publicKey, context)).toBeUndefined();
      expect(open(blob, assembly, hilltop.publicKey, context)).toBeUndefined();
      // Nor move it to another exchange, or hand it back as if the other side had sealed it.
      expect(open(blob, hilltop, riverside.publicKey, sealContext("!hall:a.org", 8, "poster"))).toBeUndefined();
      expect(open(blob, riverside, hilltop.publicKey, sealContext("!hall:a.org", 7, "answerer"))).toBeUndefined();
    });

    it("refuses an altered blob and a key that gives no shared secret", () => {
      const blob = seal(ana, riverside, hilltop.publicKey, context)!;
      const bytes = Buffer.from(blob, "base64url");
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
      expect(open(bytes.toString("base64url"), hilltop, riverside.publicKey, context)).toBeUndefined();
      expect(open("short", hilltop, riverside.publicKey, context)).toBeUndefined();
      expect(seal(ana, riverside, Buffer.alloc(32).toString("base64url"), context)).toBeUndefined();
    });

    it("reads back only a contact's shape", () => {
      expect(readContact(contactPlain({ name: "Marisa", userId: null }))).toEqual({ name: "Marisa", userId: null });
      expect(readContact("not json")).toBeUndefined();
      expect(readContact(JSON.stringify({ name: "Ana", userId: "ana" }))).toBeUndefined();
      expect(readContact(JSON.stringify({ name: "Ana", userId: null, extra: 1 }))).toBeUndefined();
    });
  });

  describe("the safety code of two cells", () => {
    const [riverside, hilltop, forged] = [newKeyPair().publicKey, newKeyPair().publicKey, newKeyPair().publicKey];

    it("is six groups of four digits, the same from both sides", () => {
      expect(safetyCode(riverside, hilltop)).toMatch(/^\d{4}( \d{4}){5}$/);
      expect(safetyCode(hilltop, riverside)).toBe(safetyCode(riverside, hilltop));
    });

    it("differs when either key was swapped, and for another pair of cells", () => {
      const code = safetyCode(riverside, hilltop);
      expect(safetyCode(riverside, forged)).not.toBe(code);
      expect(safetyCode(forged, hilltop)).not.toBe(code);
      const flipped = `${hilltop.slice(0, -1)}${hilltop.endsWith("A") ? "B" : "A"}`;
      expect(safetyCode(riverside, flipped)).not.toBe(code);
    });

    it("is derived under its own label, so it is no other hash of the two keys", () => {
      // Pinned: a change of derivation would make two Tandems of different versions disagree.
      expect(safetyCode("a".repeat(43), "b".repeat(43))).toBe(safetyCode("b".repeat(43), "a".repeat(43)));
      expect(safetyCode("a".repeat(43), "b".repeat(43))).toBe("2487 8319 6965 4928 3050 1150");
    });

    it("reads a typed code by its digits only", () => {
      const code = safetyCode(riverside, hilltop);
      expect(sameCode(code, code)).toBe(true);
      expect(sameCode(code.replace(/ /g, "-"), code)).toBe(true);
      expect(sameCode(code.replace(/ /g, ""), code)).toBe(true);
      expect(sameCode(code.slice(0, -1), code)).toBe(false);
      expect(sameCode("", code)).toBe(false);
    });
  });
});
