import type { Db } from "./db.js";

/** Prepares a repository's statements once per database connection. */
export function perDb<T>(build: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let value = cache.get(db);
    if (!value) {
      value = build(db);
      cache.set(db, value);
    }
    return value;
  };
}
