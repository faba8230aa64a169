-- IndexedDB databases of matrix-js-sdk (Rust crypto store, sync store), mirrored write-through
-- from fake-indexeddb by src/transport/matrix/idb-sqlite.ts. Each IndexedDB transaction is one
-- SQLite transaction. Keys use a canonical binary encoding (idb/key-codec.ts); values are V8
-- structured-serialization bytes. Crypto values are already encrypted by the Rust store with
-- the crypto store key; nothing here is meant to be read by anything but the mirror.

CREATE TABLE idb_databases (
  name    TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) STRICT;

CREATE TABLE idb_stores (
  db             TEXT NOT NULL,
  name           TEXT NOT NULL,
  key_path       TEXT NOT NULL,              -- JSON: null, "a.b" or ["a", "b"]
  auto_increment INTEGER NOT NULL,
  key_generator  INTEGER NOT NULL DEFAULT 0, -- last generated key, never decreases
  PRIMARY KEY (db, name)
) STRICT;

CREATE TABLE idb_indexes (
  db          TEXT NOT NULL,
  store       TEXT NOT NULL,
  name        TEXT NOT NULL,
  key_path    TEXT NOT NULL,                 -- JSON: "a.b" or ["a", "b"]
  is_unique   INTEGER NOT NULL,
  multi_entry INTEGER NOT NULL,
  PRIMARY KEY (db, store, name)
) STRICT;

CREATE TABLE idb_records (
  db    TEXT NOT NULL,
  store TEXT NOT NULL,
  key   BLOB NOT NULL,
  value BLOB NOT NULL,
  PRIMARY KEY (db, store, key)
) STRICT;
