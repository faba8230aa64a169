/**
 * Makes each step of an index cursor O(log n) in fake-indexeddb 6.
 *
 * Why: FDBCursor._iterate asks the index's RecordStore for records from a key range built from
 * index *keys* only, then skips, one by one, every record whose key equals the cursor's position
 * until it passes the current primary key. An index where most records share one key (the Rust
 * crypto's `backup` index of `inbound_group_sessions3`: every session not yet backed up) makes each
 * step O(duplicates) and a walk over it quadratic (bench/README.md: 36–41 s for 10,000 steps).
 *
 * How: while an index cursor iterates, the values() of that index's record set starts its walk at
 * the first record the cursor can still accept — after (position, primary key), at a continue(key)
 * or continuePrimaryKey(key, primaryKey) — found by one descent of fake-indexeddb's record tree,
 * ordered by (key, primary key). The cursor's own filters still run on what it gets, so its result
 * is the same: only records it would have skipped are never visited.
 */
import { IDBCursor as FDBCursor } from "fake-indexeddb";
import {
  cmpKeys,
  type KeyBound,
  type RawKeyRange,
  type RawTreeNode,
  type RawTreeRecordStore,
} from "./fake-internals.js";

type CursorDirection = "next" | "nextunique" | "prev" | "prevunique";

interface RawCursor {
  readonly source: { _rawIndex?: { records: object } };
  readonly direction: CursorDirection;
  readonly _keyOnly: boolean;
  _position: unknown;
  _objectStorePosition: unknown;
}

type Iterate = (this: RawCursor, key?: unknown, primaryKey?: unknown) => unknown;
type Values = (this: RawTreeRecordStore, range?: RawKeyRange, direction?: CursorDirection) => Iterable<unknown>;

/** Whether a record is at or beyond the cursor's start; false for a prefix of the walk, true after. */
type Accepts = (record: { key: unknown; value: unknown }) => boolean;

/**
 * One condition of the seek as a position: records after it (at or after it when not `open`) in
 * the cursor's direction. Without a primary key, it compares index keys only.
 */
export interface SeekStart {
  key: unknown;
  primaryKey?: unknown;
  open: boolean;
}

/** What an index cursor's step asks of record sets that seek by position (idb/sql-records.ts). */
export interface Seek {
  /** The same conditions as `accepts`. */
  starts: SeekStart[];
  /** Whether the cursor reads each record's value from its object store (openCursor, not openKeyCursor). */
  readsValues: boolean;
}

interface PendingSeek extends Seek {
  records: object;
  accepts: Accepts;
  descending: boolean;
}

let pending: PendingSeek | undefined;
let installed: { iterate: Iterate; values: Values; recordStorePrototype: { values: Values } } | undefined;

/** Patches FDBCursor._iterate and RecordStore.values (the prototype of `probe`) once per process. */
export function installIndexCursorSeek(probe: RawTreeRecordStore): void {
  if (installed !== undefined) return;
  const cursorPrototype = (FDBCursor as unknown as { prototype: { _iterate: Iterate } }).prototype;
  const recordStorePrototype = Object.getPrototypeOf(probe) as { values: Values };
  const iterate = cursorPrototype._iterate;
  const values = recordStorePrototype.values;
  installed = { iterate, values, recordStorePrototype };
  cursorPrototype._iterate = function (this: RawCursor, key?: unknown, primaryKey?: unknown) {
    const index = this.source._rawIndex;
    if (index === undefined) return iterate.call(this, key, primaryKey);
    pending = seekOf(this, index.records, key, primaryKey);
    try {
      return iterate.call(this, key, primaryKey);
    } finally {
      pending = undefined;
    }
  };
  recordStorePrototype.values = function (
    this: RawTreeRecordStore,
    range?: RawKeyRange,
    direction: CursorDirection = "next",
  ) {
    const seek = pending;
    if (seek === undefined || seek.records !== this || (direction !== "next" && direction !== "prev")) {
      return values.call(this, range, direction);
    }
    pending = undefined;
    return { [Symbol.iterator]: () => walkFrom(this.records._root, range, seek) };
  };
}

/**
 * The seek an index cursor's current step asks of `records`, taken once: record sets other than
 * fake-indexeddb's own (idb/sql-records.ts) call this from their values().
 */
export function takeSeekFor(records: object): Seek | undefined {
  if (pending === undefined || pending.records !== records) return undefined;
  const { starts, readsValues } = pending;
  pending = undefined;
  return { starts, readsValues };
}

/** Puts fake-indexeddb back as it ships: for the test that compares both on the same operations. */
export function uninstallIndexCursorSeek(): void {
  if (installed === undefined) return;
  (FDBCursor as unknown as { prototype: { _iterate: Iterate } }).prototype._iterate = installed.iterate;
  installed.recordStorePrototype.values = installed.values;
  installed = undefined;
}

/**
 * The conditions of FDBCursor._iterate that depend only on where a record sorts, for an index
 * source. Each holds for a suffix of the (key, primary key) order (a prefix when descending).
 */
function seekOf(cursor: RawCursor, records: object, key: unknown, primaryKey: unknown): PendingSeek {
  const descending = cursor.direction === "prev" || cursor.direction === "prevunique";
  const unique = cursor.direction === "nextunique" || cursor.direction === "prevunique";
  const sign = descending ? -1 : 1;
  const position = cursor._position;
  const positionPrimaryKey = cursor._objectStorePosition;
  const accepts: Accepts = (record) => {
    if (key !== undefined) {
      const byKey = cmpKeys(record.key, key) * sign;
      if (byKey < 0) return false;
      if (primaryKey !== undefined && byKey === 0 && cmpKeys(record.value, primaryKey) * sign < 0) return false;
    }
    if (position !== undefined) {
      const byPosition = cmpKeys(record.key, position) * sign;
      if (byPosition < 0) return false;
      if (byPosition === 0 && (unique || cmpKeys(record.value, positionPrimaryKey) * sign <= 0)) return false;
    }
    return true;
  };
  const starts: SeekStart[] = [];
  if (key !== undefined)
    starts.push(primaryKey === undefined ? { key, open: false } : { key, primaryKey, open: false });
  if (position !== undefined) {
    starts.push(unique ? { key: position, open: true } : { key: position, primaryKey: positionPrimaryKey, open: true });
  }
  // As FDBCursor._iterate decides whether to read the value.
  const readsValues = !cursor._keyOnly && String(cursor) === "[object IDBCursorWithValue]";
  return { records, accepts, starts, descending, readsValues };
}

/**
 * The records of `range` in tree order (reverse when descending) from the first one `seek`
 * accepts: one descent to it, then an in-order walk on an explicit stack. Tombstones (deleted
 * nodes) keep their place in the order, so they are descended through and never yielded.
 */
function* walkFrom(
  root: RawTreeNode | undefined,
  range: RawKeyRange | undefined,
  seek: PendingSeek,
): Generator<unknown> {
  const { descending } = seek;
  const near = descending ? "right" : "left";
  const far = descending ? "left" : "right";
  const start: KeyBound | undefined = range === undefined ? undefined : descending ? upperOf(range) : lowerOf(range);
  const end: KeyBound | undefined = range === undefined ? undefined : descending ? lowerOf(range) : upperOf(range);
  const sign = descending ? -1 : 1;
  const withinStart = (key: unknown) => start === undefined || isInside(cmpKeys(key, start.key) * sign, start.open);
  const stack: RawTreeNode[] = [];
  let node = root;
  while (node !== undefined) {
    if (withinStart(node.record.key) && seek.accepts(node.record)) {
      stack.push(node);
      node = node[near];
    } else {
      node = node[far];
    }
  }
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (!current.deleted) {
      if (end !== undefined && !isInside(cmpKeys(end.key, current.record.key) * sign, end.open)) return;
      yield current.record;
    }
    for (let next = current[far]; next !== undefined; next = next[near]) stack.push(next);
  }
}

function isInside(comparison: number, open: boolean): boolean {
  return open ? comparison > 0 : comparison >= 0;
}

function lowerOf(range: RawKeyRange): KeyBound | undefined {
  return range.lower === undefined ? undefined : { key: range.lower, open: range.lowerOpen };
}

function upperOf(range: RawKeyRange): KeyBound | undefined {
  return range.upper === undefined ? undefined : { key: range.upper, open: range.upperOpen };
}
