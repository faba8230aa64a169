import fc from "fast-check";
import { IDBFactory } from "fake-indexeddb";
import { decodeOrderedKey, encodeOrderedKey } from "../../../src/transport/matrix/idb/ordered-key-codec.js";

/**
 * SQL answers ranges and cursors of the room keys by comparing these bytes (BLOB order, memcmp),
 * so their order must be IndexedDB's: checked against fake-indexeddb's own cmp on keys of every type.
 */

const factory = new IDBFactory() as unknown as { cmp(a: unknown, b: unknown): number };

const { key } = fc.letrec((tie) => ({
  key: fc.oneof(
    { depthSize: "small" },
    fc.double({ noNaN: true }),
    fc.date({ noInvalidDate: true }),
    // Code units of every kind: NUL, ASCII, the edges of the 1-, 2- and 3-byte forms, paired and lone surrogates.
    fc.string({
      unit: fc.oneof(
        fc.constantFrom(
          "\u0000",
          "a",
          "\u007e",
          "\u007f",
          "\u0080",
          "\u407e",
          "\u407f",
          "\uffff",
          "\ud83d\udc22",
          "\ud800",
          "\udfff",
        ),
        fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
      ),
    }),
    fc.uint8Array({ maxLength: 6 }).map((bytes) => bytes.buffer),
    fc.array(tie("key"), { maxLength: 3 }),
  ),
}));

const sign = (n: number) => Math.sign(n);

describe("ordered IndexedDB key codec (idb/ordered-key-codec.ts)", () => {
  it("orders encoded keys as IndexedDB orders the keys", () => {
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(sign(Buffer.compare(encodeOrderedKey(a), encodeOrderedKey(b)))).toBe(factory.cmp(a, b));
      }),
      { numRuns: 3000 },
    );
  });

  it("orders (key, primary key) pairs by their concatenated encodings, as an index orders its records", () => {
    fc.assert(
      fc.property(key, key, key, key, (k1, p1, k2, p2) => {
        const expected = factory.cmp(k1, k2) || factory.cmp(p1, p2);
        const pair = (k: unknown, p: unknown) => Buffer.concat([encodeOrderedKey(k), encodeOrderedKey(p)]);
        expect(sign(Buffer.compare(pair(k1, p1), pair(k2, p2)))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives every key back equal to itself, with its type", () => {
    fc.assert(
      fc.property(key, (k) => {
        const back = decodeOrderedKey(encodeOrderedKey(k));
        expect(factory.cmp(back, k)).toBe(0);
        expect(Object.prototype.toString.call(back)).toBe(Object.prototype.toString.call(k));
      }),
      { numRuns: 2000 },
    );
  });
});
