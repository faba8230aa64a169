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
 * - Strings by UTF-16 code unit (IndexedDB compares code units, not code points), each in 1, 2
 *   or 3 bytes whose first byte tells the length and whose order is the units' order: 0x0000–0x007E
 *   as one byte 0x01–0x7F (the room keys' ASCII ids stay one byte a character), up to 0x407E as
 *   0x80–0xBF and one byte, the rest as 0xC0 and two; then 0x00, below every first byte, so a
 *   shorter string sorts first. Binary as its bytes, a 0x00 inside written as 0x00 0xFF, then
 *   0x00: whatever follows an end (a tag, an array's end, nothing) is below 0xFF.
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
    parts.push(Buffer.of(STRING), stringUnits(key));
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

const ONE_BYTE_END = 0x7f;
const TWO_BYTES_END = 0x407f;

function stringUnits(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length * 3 + 1);
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < ONE_BYTE_END) out[at++] = unit + 1;
    else if (unit < TWO_BYTES_END) {
      const offset = unit - ONE_BYTE_END;
      out[at++] = 0x80 | (offset >> 8);
      out[at++] = offset & 0xff;
    } else {
      out[at++] = 0xc0;
      out[at++] = unit >> 8;
      out[at++] = unit & 0xff;
    }
  }
  out[at++] = END;
  return out.subarray(0, at);
}

function readStringUnits(bytes: Buffer, start: number): { key: string; next: number } {
  const units: number[] = [];
  let at = start;
  for (;;) {
    const first = bytes[at++];
    if (first === undefined) throw new Error("truncated ordered IndexedDB key");
    if (first === END) break;
    if (first < 0x80) units.push(first - 1);
    else if (first < 0xc0) units.push(ONE_BYTE_END + (((first & 0x3f) << 8) | take(bytes, at++)));
    else {
      units.push((take(bytes, at) << 8) | take(bytes, at + 1));
      at += 2;
    }
  }
  let key = "";
  for (let i = 0; i < units.length; i += 4096) key += String.fromCharCode(...units.slice(i, i + 4096));
  return { key, next: at };
}

function take(bytes: Buffer, at: number): number {
  const byte = bytes[at];
  if (byte === undefined) throw new Error("truncated ordered IndexedDB key");
  return byte;
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
    case STRING:
      return readStringUnits(bytes, at + 1);
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
