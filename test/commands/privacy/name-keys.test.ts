import { join } from "node:path";
import { openDatabase } from "../../../src/platform/db.js";
import { migrate, readMigrations } from "../../../src/platform/migrations.js";
import { packageRoot } from "../../../src/platform/package-root.js";
import { tempDatabasePath } from "../../support/db.js";
import { createTestBot, MOD, ROOM } from "../../support/test-bot.js";

const DONE_TYPED = "Done: they are forgotten in this room. What was already posted in the room stays in its history.";

/**
 * Names typed before migration 0007 got their key from the migration itself (lower() and a fold of
 * the Latin letters SQLite's lower() leaves alone): they are found like names typed today.
 */
describe("privacy: names kept before name keys existed", () => {
  it("forgets an accented name typed in another case, in the ledger and in a plan", async () => {
    const temp = tempDatabasePath();
    const old = openDatabase(temp.path);
    migrate(
      old.db,
      readMigrations(join(packageRoot(), "migrations")).filter((m) => m.version < 7),
    );
    old.db.exec(`
      INSERT INTO ledger_entries (id, room_id, number, what, kind, recorded_by, recorded_at) VALUES (1, '${ROOM}', 1, 'cooked 2 meals', 'food', '${MOD}', 0);
      INSERT INTO ledger_givers (entry_id, position, user_id, name) VALUES (1, 0, NULL, 'ÁLVARO');
      INSERT INTO careplans (id, room_id, number, action, starts_at, ends_at, created_by, created_at) VALUES (1, '${ROOM}', 1, 'picket', 0, 1, '${MOD}', 0);
      INSERT INTO careplan_volunteers (plan_id, person, user_id, name, joined_at) VALUES (1, 'name:Álvaro', NULL, 'Álvaro', 0);`);
    old.close();
    const bot = createTestBot({ path: temp.path });
    try {
      const [preview] = await bot.say("!forget @álvaro", { sender: MOD });
      expect(preview).toMatch(
        /^This is what I keep about álvaro in this room:\n• 1 ledger entry .*\n• 1 care plan they volunteered for or made\n/,
      );
      expect(await bot.say("!forget @álvaro confirm", { sender: MOD })).toEqual([DONE_TYPED]);
      expect(bot.db.prepare("SELECT name FROM ledger_givers").pluck().all()).toEqual(["someone"]);
      expect(bot.db.prepare("SELECT count(*) FROM careplan_volunteers").pluck().get()).toBe(0);
    } finally {
      bot.close();
      temp.remove();
    }
  });
});
