/**
 * Canonical binary form of an IndexedDB key, used as the SQLite primary key of a record.
 *
 * Why not v8.serialize for keys: equal keys must give equal bytes, or an upsert would add a
 * second row instead of replacing the first. V8 writes a string as Latin-1 or UTF-16 depending
 * on its in-memory representation and a number as Smi or double, so two equal keys can
 * serialize differently. IndexedDB keys are a closed set of types (number, Date, string,
 * binary, array of keys), so a small exact codec is simple and keeps every type on the way back.
 */

export type IdbKey = number | string | Date | ArrayBuffer | IdbKey[];

const NUMBER = 0x01;
const DATE = 0x02;
const STRING = 0x03;
const BINARY = 0x04;
const ARRAY = 0x05;
const STRING_UTF16 = 0x06;

// With the u flag a surrogate range only matches surrogates that are not part of a pair.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export function encodeIdbKey(key: unknown): Buffer {
  const parts: Buffer[] = [];
  writeKey(key, parts);
  return Buffer.concat(parts);
}

function writeKey(key: unknown, parts: Buffer[]): void {
  if (typeof key === "number") {
    parts.push(tagged(NUMBER, float64(key)));
  } else if (key instanceof Date) {
    parts.push(tagged(DATE, float64(key.getTime())));
  } else if (typeof key === "string") {
    // UTF-8 is compact but would replace lone surrogates; only strings that have some take UTF-16.
    const wellFormed = !LONE_SURROGATE.test(key);
    const bytes = Buffer.from(key, wellFormed ? "utf8" : "utf16le");
    parts.push(tagged(wellFormed ? STRING : STRING_UTF16, uint32(bytes.length)), bytes);
  } else if (key instanceof ArrayBuffer) {
    parts.push(tagged(BINARY, uint32(key.byteLength)), Buffer.from(new Uint8Array(key)));
  } else if (ArrayBuffer.isView(key)) {
    const bytes = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
    parts.push(tagged(BINARY, uint32(bytes.length)), Buffer.from(bytes));
  } else if (Array.isArray(key)) {
    parts.push(tagged(ARRAY, uint32(key.length)));
    for (const item of key) writeKey(item, parts);
  } else {
    throw new TypeError(`not an IndexedDB key: ${Object.prototype.toString.call(key)}`);
  }
}

export function decodeIdbKey(bytes: Uint8Array): IdbKey {
  const reader = new KeyReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const key = reader.readKey();
  if (!reader.atEnd()) throw new Error("trailing bytes after an encoded IndexedDB key");
  return key;
}

class KeyReader {
  private offset = 0;
  private readonly bytes: Buffer;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  atEnd(): boolean {
    return this.offset === this.bytes.length;
  }

  readKey(): IdbKey {
    const tag = this.take(1).readUInt8(0);
    switch (tag) {
      case NUMBER:
        return this.take(8).readDoubleBE(0);
      case DATE:
        return new Date(this.take(8).readDoubleBE(0));
      case STRING:
        return this.take(this.readLength()).toString("utf8");
      case STRING_UTF16:
        return this.take(this.readLength()).toString("utf16le");
      case BINARY: {
        // A new ArrayBuffer of this realm (not a slice of Buffer's pool), as fake-indexeddb checks `instanceof ArrayBuffer`.
        const view = this.take(this.readLength());
        const copy = new ArrayBuffer(view.length);
        new Uint8Array(copy).set(view);
        return copy;
      }
      case ARRAY: {
        const count = this.readLength();
        const items: IdbKey[] = [];
        for (let i = 0; i < count; i++) items.push(this.readKey());
        return items;
      }
      default:
        throw new Error(`unknown IndexedDB key tag ${tag}`);
    }
  }

  private readLength(): number {
    return this.take(4).readUInt32BE(0);
  }

  private take(length: number): Buffer {
    if (this.offset + length > this.bytes.length) throw new Error("truncated IndexedDB key");
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}

function tagged(tag: number, rest: Buffer): Buffer {
  return Buffer.concat([Buffer.of(tag), rest]);
}

function float64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  // IndexedDB compares -0 and 0 as the same key, so they must share one row.
  bytes.writeDoubleBE(value === 0 ? 0 : value, 0);
  return bytes;
}

function uint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value, 0);
  return bytes;
}
