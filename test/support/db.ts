import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type OpenedDatabase } from "../../src/platform/db.js";
import { migrate, readMigrations } from "../../src/platform/migrations.js";
import { packageRoot } from "../../src/platform/package-root.js";

/** A database with every shipped migration applied: in memory, or in a file when a test must reopen it (a "restart"). */
export function openMigrated(path = ":memory:"): OpenedDatabase {
  const opened = openDatabase(path);
  migrate(opened.db, readMigrations(join(packageRoot(), "migrations")));
  return opened;
}

/** A path for a database file in a fresh directory, and how to remove that directory. */
export function tempDatabasePath(): { path: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "tandem-test-"));
  return { path: join(dir, "tandem.db"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
