import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { StartupError, type Db } from "./db.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .map((file) => {
      const m = FILE.exec(file);
      if (!m) throw new StartupError(`migration file ${file} must be named NNNN_name.sql`);
      return { version: Number(m[1]), name: m[2]!, sql: readFileSync(join(dir, file), "utf8") };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new StartupError(
        `migrations must be numbered 0001, 0002, … without gaps; found ${m.version} at position ${i + 1}`,
      );
  });
  return migrations;
}

/**
 * Applies pending migrations, each in its own transaction with its schema_version row.
 * Refuses a database whose applied migrations are not a prefix of the files (edited history,
 * or a database written by a newer Tandem).
 */
export function migrate(db: Db, migrations: Migration[]): { applied: number[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL, checksum TEXT)`);
  const columns = db.prepare("SELECT name FROM pragma_table_info('schema_version')").pluck().all();
  if (!columns.includes("checksum")) db.exec("ALTER TABLE schema_version ADD COLUMN checksum TEXT");
  const rows = db.prepare("SELECT version, name, checksum FROM schema_version ORDER BY version").all() as {
    version: number;
    name: string;
    checksum: string | null;
  }[];
  const latest = migrations.at(-1)?.version ?? 0;
  rows.forEach((row, i) => {
    const file = migrations[i];
    if (row.version > latest) {
      throw new StartupError(
        `the database is at schema version ${rows.at(-1)!.version} but this Tandem only knows up to ${latest}; run a newer Tandem (or restore a backup)`,
      );
    }
    // Rows written before checksums were kept have none; their names and numbers still must match.
    if (
      !file ||
      file.version !== row.version ||
      file.name !== row.name ||
      (row.checksum !== null && row.checksum !== checksum(file.sql))
    ) {
      throw new StartupError(
        `applied migration ${row.version}_${row.name} does not match migrations/${String(row.version).padStart(4, "0")}_${file?.name ?? "?"}.sql; migrations are never edited once applied`,
      );
    }
  });
  const applied: number[] = [];
  const record = db.prepare("INSERT INTO schema_version (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)");
  for (const m of migrations.slice(rows.length)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString(), checksum(m.sql));
    })();
    applied.push(m.version);
  }
  return { applied };
}

/** Line endings do not count: a checkout with CRLF is the same migration. */
function checksum(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n")).digest("hex");
}
