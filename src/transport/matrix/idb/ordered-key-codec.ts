import type { IdbKey } from "./key-codec.js";

/**
 * Binary form of an IndexedDB key whose byte order (SQLite's BLOB comparison, memcmp) is
 * IndexedDB's key order, so SQL indexes answer ranges and cursors (idb/sql-records.ts).
 * key-codec.ts stays for the stores mirrored in memory: its lengths and Latin-1/UTF-8 strings do
 * not sort, and its rows need no order.
 *
 * - A type tag first, in IndexedDB's order: number < date < string < binary < array.
 * - Numbers (and a date's time) as float64 big-endian with the sign bit flipped, and every bit
 *   flipped for negatives: the bytes then sort as the numbers do. -0 is written as 0.
 * - Strings as UTF-16 code units big-endian (IndexedDB compares code units, not code points),
 *   binary as its bytes; both end with 0x00, a 0x00 inside written as 0x00 0xFF. Whatever follows
 *   an end (a tag, an array's end, nothing) is below 0xFF, so a shorter string sorts first.
 * - Arrays as their items, then 0x00, below every tag.
 * The encoding is self-delimiting: a key's bytes followed by another key's bytes sort as the pair.
 */

const NUMBER = 0x10;
const DATE = 0x20;
const STRING = 0x30;
const BINARY = 0x40;
const ARRAY = 0x50;
const END = 0x00;
const ESCAPE = 0xff;

export function encodeOrderedKey(key: unknown): Buffer {
  const parts: Buffer[] = [];
  write(key, parts);
  return Buffer.concat(parts);
}

function write(key: unknown, parts: Buffer[]): void {
  if (typeof key === "number") {
    parts.push(Buffer.of(NUMBER), sortableFloat(key));
  } else if (key instanceof Date) {
    parts.push(Buffer.of(DATE), sortableFloat(key.getTime()));
  } else if (typeof key === "string") {
    parts.push(Buffer.of(STRING), escaped(Buffer.from(key, "utf16le").swap16()));
  } else if (key instanceof ArrayBuffer) {
    parts.push(Buffer.of(BINARY), escaped(Buffer.from(new Uint8Array(key))));
  } else if (ArrayBuffer.isView(key)) {
    parts.push(Buffer.of(BINARY), escaped(Buffer.from(key.buffer, key.byteOffset, key.byteLength)));
  } else if (Array.isArray(key)) {
    parts.push(Buffer.of(ARRAY));
    for (const item of key) write(item, parts);
    parts.push(Buffer.of(END));
  } else {
    throw new TypeError(`not an IndexedDB key: ${Object.prototype.toString.call(key)}`);
  }
}

function sortableFloat(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeDoubleBE(value === 0 ? 0 : value, 0);
  if ((bytes[0] as number) & 0x80) for (let i = 0; i < 8; i++) bytes[i] = ~(bytes[i] as number) & 0xff;
  else bytes[0] = (bytes[0] as number) | 0x80;
  return bytes;
}

function readSortableFloat(bytes: Buffer): number {
  const copy = Buffer.from(bytes);
  if ((copy[0] as number) & 0x80) copy[0] = (copy[0] as number) & 0x7f;
  else for (let i = 0; i < 8; i++) copy[i] = ~(copy[i] as number) & 0xff;
  return copy.readDoubleBE(0);
}

function escaped(bytes: Buffer): Buffer {
  let zeros = 0;
  for (const byte of bytes) if (byte === 0) zeros++;
  const out = Buffer.alloc(bytes.length + zeros + 1);
  let at = 0;
  for (const byte of bytes) {
    out[at++] = byte;
    if (byte === 0) out[at++] = ESCAPE;
  }
  out[at] = END;
  return out;
}

export function decodeOrderedKey(bytes: Uint8Array): IdbKey {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { key, next } = read(buffer, 0);
  if (next !== buffer.length) throw new Error("trailing bytes after an ordered IndexedDB key");
  return key;
}

function read(bytes: Buffer, at: number): { key: IdbKey; next: number } {
  const tag = bytes[at];
  switch (tag) {
    case NUMBER:
      return { key: readSortableFloat(slice(bytes, at + 1, 8)), next: at + 9 };
    case DATE:
      return { key: new Date(readSortableFloat(slice(bytes, at + 1, 8))), next: at + 9 };
    case STRING: {
      const { content, next } = unescaped(bytes, at + 1);
      // UTF-16 big-endian: swapped in place into the little-endian Node decodes.
      return { key: content.swap16().toString("utf16le"), next };
    }
    case BINARY: {
      const { content, next } = unescaped(bytes, at + 1);
      // A new ArrayBuffer of this realm: fake-indexeddb checks `instanceof ArrayBuffer`.
      const copy = new ArrayBuffer(content.length);
      new Uint8Array(copy).set(content);
      return { key: copy, next };
    }
    case ARRAY: {
      const items: IdbKey[] = [];
      let next = at + 1;
      while (bytes[next] !== END) {
        if (next >= bytes.length) throw new Error("truncated ordered IndexedDB key");
        const item = read(bytes, next);
        items.push(item.key);
        next = item.next;
      }
      return { key: items, next: next + 1 };
    }
    default:
      throw new Error(`unknown ordered IndexedDB key tag ${String(tag)}`);
  }
}

function slice(bytes: Buffer, at: number, length: number): Buffer {
  if (at + length > bytes.length) throw new Error("truncated ordered IndexedDB key");
  return bytes.subarray(at, at + length);
}

function unescaped(bytes: Buffer, at: number): { content: Buffer; next: number } {
  const out = Buffer.allocUnsafe(bytes.length - at);
  let length = 0;
  for (let i = at; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte !== END) out[length++] = byte;
    else if (bytes[i + 1] === ESCAPE) {
      out[length++] = 0;
      i++;
    } else return { content: out.subarray(0, length), next: i + 1 };
  }
  throw new Error("truncated ordered IndexedDB key");
}
