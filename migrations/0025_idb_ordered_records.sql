-- Issue 21. The IndexedDB stores whose records are not held in memory (the Rust crypto's room keys,
-- src/transport/matrix/idb/sql-records.ts): their records and index records, answered by SQL.
-- Keys use an order-preserving binary encoding (idb/ordered-key-codec.ts), so BLOB comparison is
-- IndexedDB's key order and ranges and cursors are SQL index ranges. Values are V8
-- structured-serialization bytes, as in idb_records. A file written before this migration keeps
-- those records in idb_records until the first start-up moves them here (one pass).

-- A rowid table, not WITHOUT ROWID: a room key's value (~2 KB) fits in a table page, where a
-- WITHOUT ROWID row keeps ~1 KB in place and spills the rest to an overflow page of its own
-- (measured: 545 MB for 100,000 keys instead of ~210 MB, and a cursor step reading both pages).
CREATE TABLE idb_ordered_records (
  db    TEXT NOT NULL,
  store TEXT NOT NULL,
  key   BLOB NOT NULL,
  value BLOB NOT NULL,
  PRIMARY KEY (db, store, key)
) STRICT;

-- One row per (index key, primary key); a multi-entry index has one per entry. A unique index
-- never holds two rows with the same key (IndexedDB refuses the second before it is written).
CREATE TABLE idb_ordered_index_records (
  db          TEXT NOT NULL,
  store       TEXT NOT NULL,
  idx         TEXT NOT NULL,
  key         BLOB NOT NULL,
  primary_key BLOB NOT NULL,
  PRIMARY KEY (db, store, idx, key, primary_key)
) STRICT, WITHOUT ROWID;
