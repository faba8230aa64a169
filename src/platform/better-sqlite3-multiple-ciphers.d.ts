// The package ships its own types, but its package.json "exports" hide them from NodeNext
// resolution. Its API is better-sqlite3's (plus key/rekey, typed where used in db.ts), so the
// types of @types/better-sqlite3 stand in, and every module keeps one Db type.
declare module "better-sqlite3-multiple-ciphers" {
  import Database from "better-sqlite3";
  export = Database;
}
