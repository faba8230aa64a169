import { IDBKeyRange as FDBKeyRange } from "fake-indexeddb";
import type { RawKeyRange, RawRecord } from "./fake-internals.js";
import { type Seek, type SeekStart, takeSeekFor } from "./index-cursor-seek.js";
import { decodeOrderedKey, encodeOrderedKey } from "./ordered-key-codec.js";
import type { Bound, OrderedRow, OrderedSql, OrderedTarget } from "./ordered-sql.js";
import { deserializeValue, serializeValue } from "./value-codec.js";

type Direction = "next" | "nextunique" | "prev" | "prevunique";

/** Above every primary key's encoding (their first byte is a type tag, 0x10–0x50). */
const AFTER_ALL = Buffer.of(0xff);
const BEFORE_ALL = Buffer.alloc(0);
/**
 * Rows read per SQL query, growing: a cursor step uses one row and its next steps the following
 * ones (kept in `readAhead`), getAll or a delete by range many.
 */
const PAGE_SIZES = [16, 64, 256];
/** For an index cursor that reads values: smaller, as the page's values wait in memory (~2 KB a room key). */
const PAGE_SIZES_WITH_VALUES = [8, 64];

/**
 * A record read from SQLite. Its value is decoded when first read (a cursor step reads a page of
 * rows and uses one), and its bytes are written back as they are if the record is put again.
 */
class StoredRecord implements RawRecord {
  readonly key: unknown;
  readonly bytes: Buffer;
  private decoded: { value: unknown } | undefined;

  constructor(key: unknown, bytes: Buffer) {
    this.key = key;
    this.bytes = bytes;
  }

  get value(): unknown {
    this.decoded ??= { value: deserializeValue(this.bytes) };
    return this.decoded.value;
  }
}

/** A change of the running transaction: the record now, or undefined for a deletion. */
interface Pending {
  sortKey: Buffer;
  key: Buffer;
  primaryKey: Buffer;
  record: RawRecord | undefined;
}

interface Row {
  sortKey: Buffer;
  key: Buffer;
  second: Buffer;
  record: RawRecord;
}

/**
 * The record set of one object store or one index kept in SQLite (idb/ordered-sql.ts), with the
 * small interface fake-indexeddb's ObjectStore, Index and FDBCursor call on theirs (RecordStore):
 * get, put, delete, deleteByKeyAndValue, clear, values(range, direction), size.
 *
 * Committed records live only in SQLite. The running transaction's writes wait in `pending`
 * (deletions as undefined) and reads merge them with SQLite in key order; at "complete" the mirror
 * writes them in its SQLite transaction (`flush`), then drops them (`committed`). An abort first
 * replays fake-indexeddb's rollback through this set, then drops them too (`discard`): either way
 * what remains is what SQLite holds. Index records are { key: index key, value: primary key } in
 * (key, primary key) order, as in fake-indexeddb.
 */
export class SqlRecords {
  readonly target: OrderedTarget;
  private readonly sql: OrderedSql;
  private readonly unique: boolean;
  /** An index's object store: a cursor's page of index rows hands it their records' values (`offer`). */
  private readonly valuesTo: SqlRecords | undefined;
  /** Values an index page read with its rows, by encoded primary key, until anything changes. */
  private offered = new Map<string, Buffer>();
  private pending = new Map<string, Pending>();
  private cleared = false;
  private sorted: Pending[] | undefined;
  /**
   * The last page read from SQLite, while nothing changed: a cursor's next steps read on from it,
   * and past its end with the next larger page (`page` is its place in PAGE_SIZES).
   */
  private readAhead: { descending: boolean; to: string; rows: Row[]; more: boolean; page: number } | undefined;

  constructor(sql: OrderedSql, target: OrderedTarget, unique: boolean, valuesTo?: SqlRecords) {
    this.sql = sql;
    this.target = target;
    this.unique = unique;
    this.valuesTo = valuesTo;
  }

  private get isIndex(): boolean {
    return this.target.index !== undefined;
  }

  get hasPending(): boolean {
    return this.cleared || this.pending.size > 0;
  }

  get(key: unknown): RawRecord | undefined {
    if (!(key instanceof FDBKeyRange) && !this.isIndex) {
      const encoded = encodeOrderedKey(key);
      const id = this.pending.size === 0 && this.offered.size === 0 ? "" : encoded.toString("latin1");
      const change = this.pending.size === 0 ? undefined : this.pending.get(id);
      if (change !== undefined) return change.record;
      if (this.cleared) return undefined;
      const offered = this.offered.size === 0 ? undefined : this.offered.get(id);
      const bytes = offered ?? this.sql.value(this.target.db, this.target.store, encoded);
      return bytes === undefined ? undefined : new StoredRecord(key, bytes);
    }
    return first(this.walk(rangeOf(key), false, undefined));
  }

  /**
   * A record's value as an object graph nobody else holds, as fake-indexeddb's getValue returns
   * it: decoded afresh from its bytes rather than decoded, then cloned; a pending value is cloned.
   */
  freshValue(key: unknown): unknown {
    const record = this.get(key);
    if (record === undefined) return undefined;
    return record instanceof StoredRecord ? deserializeValue(record.bytes) : structuredClone(record.value);
  }

  put(record: RawRecord, noOverwrite = false): RawRecord | undefined {
    const key = encodeOrderedKey(record.key);
    if (this.isIndex) {
      const primaryKey = encodeOrderedKey(record.value);
      if (this.unique) {
        // One record per key, as fake-indexeddb's unique tree: a put replaces the key's record.
        const existing = first(this.walk(rangeOf(record.key), false, undefined));
        if (existing !== undefined) {
          if (noOverwrite) throw new DOMException(undefined, "ConstraintError");
          this.remember(key, encodeOrderedKey(existing.value), undefined);
        }
        this.remember(key, primaryKey, record);
        return existing;
      }
      this.remember(key, primaryKey, record);
      return undefined;
    }
    const existing = this.get(record.key);
    if (existing !== undefined && noOverwrite) throw new DOMException(undefined, "ConstraintError");
    this.remember(key, BEFORE_ALL, record);
    return existing;
  }

  delete(keyOrRange: unknown): RawRecord[] {
    const removed = [...this.walk(rangeOf(keyOrRange), false, undefined)];
    for (const record of removed) this.forget(record);
    return removed;
  }

  /** An index's record of this key pointing at this primary key, if there is one. */
  deleteByKeyAndValue(key: unknown, primaryKey: unknown): void {
    this.remember(encodeOrderedKey(key), encodeOrderedKey(primaryKey), undefined);
  }

  clear(): RawRecord[] {
    const removed = [...this.walk(undefined, false, undefined)];
    this.pending = new Map();
    this.sorted = undefined;
    this.readAhead = undefined;
    this.offered.clear();
    this.cleared = true;
    return removed;
  }

  values(range?: RawKeyRange, direction: Direction = "next"): Iterable<RawRecord> {
    const descending = direction === "prev" || direction === "prevunique";
    const seek = takeSeekFor(this);
    return {
      [Symbol.iterator]: () => {
        const records = this.walk(range, descending, seek);
        if (direction === "nextunique") return lowestPerKey(records);
        if (direction === "prevunique") return lowestPerKeyDescending(records);
        return records;
      },
    };
  }

  size(): number {
    return this.count(undefined);
  }

  /** How many records `range` holds, counted by SQL (fake-indexeddb counts by walking them). */
  count(range: RawKeyRange | undefined): number {
    const from = range === undefined ? undefined : lowerBound(range);
    const to = range === undefined ? undefined : upperBound(range);
    let count = this.cleared ? 0 : this.sql.countBetween(this.target, from, to);
    for (const change of this.pendingBetween(from, to, 1)) {
      if (change.record !== undefined) count++;
      if (!this.cleared && this.sql.has(this.target, change.key, change.primaryKey)) count--;
    }
    return count;
  }

  /** Writes the pending changes; the caller holds the SQLite transaction. */
  flush(): void {
    if (this.cleared) this.sql.clear(this.target);
    for (const change of this.pending.values()) {
      if (change.record === undefined) this.sql.delete(this.target, change.key, change.primaryKey);
      else if (this.isIndex) this.sql.put(this.target, change.key, change.primaryKey);
      else this.sql.put(this.target, change.key, bytesOf(change.record));
    }
  }

  /** After the SQLite transaction of `flush` committed: SQLite holds everything. */
  committed(): void {
    this.discard();
  }

  /** After an abort rolled the transaction back: SQLite holds the state to return to. */
  discard(): void {
    this.pending = new Map();
    this.sorted = undefined;
    this.readAhead = undefined;
    this.offered.clear();
    this.cleared = false;
  }

  /** The values of the records an index page named, read with it: `get` answers from them. */
  private offer(rows: readonly OrderedRow[]): void {
    this.offered.clear();
    for (const { second, value } of rows) {
      if (value !== undefined && value !== null) this.offered.set(second.toString("latin1"), value);
    }
  }

  private remember(key: Buffer, primaryKey: Buffer, record: RawRecord | undefined): void {
    const sortKey = this.isIndex ? Buffer.concat([key, primaryKey]) : key;
    this.pending.set(sortKey.toString("latin1"), { sortKey, key, primaryKey, record });
    this.sorted = undefined;
    this.readAhead = undefined;
    this.offered.clear();
  }

  private forget(record: RawRecord): void {
    const key = encodeOrderedKey(record.key);
    this.remember(key, this.isIndex ? encodeOrderedKey(record.value) : BEFORE_ALL, undefined);
  }

  /** Records of `range` from the seek's start, pending changes merged over SQLite's rows. */
  private *walk(range: RawKeyRange | undefined, descending: boolean, seek: Seek | undefined): Generator<RawRecord> {
    const sign = descending ? -1 : 1;
    const rangeStart = range === undefined ? undefined : descending ? upperBound(range) : lowerBound(range);
    const to = range === undefined ? undefined : descending ? lowerBound(range) : upperBound(range);
    let from = rangeStart;
    for (const start of seek?.starts ?? []) from = furthest(from, seekBound(start, descending), sign);
    const pending = this.pendingBetween(from, to, sign);
    const rows = this.cleared ? undefined : this.rows(from, to, descending, seek?.readsValues === true);
    let row = rows?.next();
    let at = 0;
    for (;;) {
      const change = pending[at];
      const stored = row === undefined || row.done === true ? undefined : row.value;
      if (change === undefined && stored === undefined) return;
      const order =
        stored === undefined ? 1 : change === undefined ? -1 : Buffer.compare(stored.sortKey, change.sortKey) * sign;
      if (order < 0 && stored !== undefined) {
        yield stored.record;
        row = rows?.next();
        continue;
      }
      if (order === 0) row = rows?.next();
      at++;
      if (change?.record !== undefined) yield change.record;
    }
  }

  private pendingBetween(from: Bound | undefined, to: Bound | undefined, sign: number): Pending[] {
    if (this.pending.size === 0) return [];
    this.sorted ??= [...this.pending.values()].sort((a, b) => Buffer.compare(a.sortKey, b.sortKey));
    const inOrder = sign > 0 ? this.sorted : [...this.sorted].reverse();
    return inOrder.filter((change) => after(change.sortKey, from, sign) && before(change.sortKey, to, sign));
  }

  private *rows(
    from: Bound | undefined,
    to: Bound | undefined,
    descending: boolean,
    readsValues: boolean,
  ): Generator<Row> {
    const valuesTo = readsValues ? this.valuesTo : undefined;
    const sizes = valuesTo === undefined ? PAGE_SIZES : PAGE_SIZES_WITH_VALUES;
    const toKey = to === undefined ? "" : `${to.open}:${positionOf(to).toString("latin1")}`;
    let start = from;
    let firstPage = 0;
    const cached = this.readAhead;
    if (cached !== undefined && from?.open === true && cached.descending === descending && cached.to === toKey) {
      const at = indexOf(cached.rows, positionOf(from), descending ? -1 : 1);
      if (at >= 0) {
        for (let i = at + 1; i < cached.rows.length; i++) yield cached.rows[i] as Row;
        if (!cached.more) return;
        start = this.boundAfter(cached.rows.at(-1) as Row);
        firstPage = cached.page + 1;
      }
    }
    for (let page = firstPage; ; page++) {
      const limit = sizes[Math.min(page, sizes.length - 1)] as number;
      const read = this.sql.page(this.target, start, to, descending, limit, valuesTo !== undefined);
      valuesTo?.offer(read);
      const rows = read.map(({ key, second }) => {
        const decodedKey = decodeOrderedKey(key);
        return this.isIndex
          ? {
              sortKey: Buffer.concat([key, second]),
              key,
              second,
              record: { key: decodedKey, value: decodeOrderedKey(second) },
            }
          : { sortKey: key, key, second, record: new StoredRecord(decodedKey, second) };
      });
      this.readAhead = { descending, to: toKey, rows, more: rows.length === limit, page };
      yield* rows;
      if (rows.length < limit) return;
      start = this.boundAfter(rows.at(-1) as Row);
    }
  }

  private boundAfter(row: Row): Bound {
    return { key: row.key, primaryKey: this.isIndex ? row.second : BEFORE_ALL, open: true };
  }
}

/** Where `position` is among rows in walk order (binary search), or -1. */
function indexOf(rows: Row[], position: Buffer, sign: number): number {
  let low = 0;
  let high = rows.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const order = Buffer.compare((rows[middle] as Row).sortKey, position) * sign;
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function bytesOf(record: RawRecord): Buffer {
  return record instanceof StoredRecord ? record.bytes : serializeValue(record.value);
}

function rangeOf(keyOrRange: unknown): RawKeyRange {
  if (keyOrRange instanceof FDBKeyRange) return keyOrRange as unknown as RawKeyRange;
  return { lower: keyOrRange, upper: keyOrRange, lowerOpen: false, upperOpen: false };
}

function first(records: Iterator<RawRecord>): RawRecord | undefined {
  const next = records.next();
  return next.done === true ? undefined : next.value;
}

/**
 * A range's bounds as positions: a closed lower bound is before every record of its key (empty
 * primary key), an open one after them all (0xFF); the reverse for an upper bound. The same
 * position serves as a walk's start or as its end.
 */
function lowerBound(range: RawKeyRange): Bound | undefined {
  if (range.lower === undefined) return undefined;
  const key = encodeOrderedKey(range.lower);
  return { key, primaryKey: range.lowerOpen ? AFTER_ALL : BEFORE_ALL, open: range.lowerOpen };
}

function upperBound(range: RawKeyRange): Bound | undefined {
  if (range.upper === undefined) return undefined;
  const key = encodeOrderedKey(range.upper);
  return { key, primaryKey: range.upperOpen ? BEFORE_ALL : AFTER_ALL, open: range.upperOpen };
}

/** A seek condition as a position in the walk's direction (index-cursor-seek.ts). */
function seekBound(start: SeekStart, descending: boolean): Bound {
  const key = encodeOrderedKey(start.key);
  if (start.primaryKey !== undefined) return { key, primaryKey: encodeOrderedKey(start.primaryKey), open: start.open };
  // On keys alone: at a closed start every record of the key is in, at an open one none is.
  const beforeKey = descending ? start.open : !start.open;
  return { key, primaryKey: beforeKey ? BEFORE_ALL : AFTER_ALL, open: start.open };
}

const positions = new WeakMap<Bound, Buffer>();

/** A bound's place in the (key, primary key) byte order; computed once per bound. */
function positionOf(bound: Bound): Buffer {
  let position = positions.get(bound);
  if (position === undefined) {
    position = bound.primaryKey.length === 0 ? bound.key : Buffer.concat([bound.key, bound.primaryKey]);
    positions.set(bound, position);
  }
  return position;
}

/** Of two starts, the one further along the walk (both must hold). */
function furthest(a: Bound | undefined, b: Bound, sign: number): Bound {
  if (a === undefined) return b;
  const order = Buffer.compare(positionOf(a), positionOf(b)) * sign;
  if (order !== 0) return order > 0 ? a : b;
  return a.open ? a : b;
}

function after(sortKey: Buffer, from: Bound | undefined, sign: number): boolean {
  if (from === undefined) return true;
  const order = Buffer.compare(sortKey, positionOf(from)) * sign;
  return from.open ? order > 0 : order >= 0;
}

function before(sortKey: Buffer, to: Bound | undefined, sign: number): boolean {
  if (to === undefined) return true;
  const order = Buffer.compare(sortKey, positionOf(to)) * sign;
  return to.open ? order < 0 : order <= 0;
}

/** "nextunique": the first record of each key (the lowest primary key). */
function* lowestPerKey(records: Iterator<RawRecord>): Generator<RawRecord> {
  let previous: Buffer | undefined;
  for (let next = records.next(); next.done !== true; next = records.next()) {
    const key = encodeOrderedKey(next.value.key);
    if (previous?.equals(key)) continue;
    previous = key;
    yield next.value;
  }
}

/** "prevunique": keys in reverse, each with its lowest primary key, as fake-indexeddb answers. */
function* lowestPerKeyDescending(records: Iterator<RawRecord>): Generator<RawRecord> {
  let held: { key: Buffer; record: RawRecord } | undefined;
  for (let next = records.next(); next.done !== true; next = records.next()) {
    const key = encodeOrderedKey(next.value.key);
    if (held !== undefined && !held.key.equals(key)) yield held.record;
    held = { key, record: next.value };
  }
  if (held !== undefined) yield held.record;
}
