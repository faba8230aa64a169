import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pino } from "pino";
import { createApp } from "../../../app/app.js";
import { ConsoleTransport, consoleRoomId, consoleUserId } from "../../../src/transport/console/console.js";
import { consoleFiles, roomFilesDir } from "../../../src/transport/console/files.js";
import { openMigrated } from "../../support/db.js";

/** The console as app/main.ts wires it: printed PDFs land in files/, one folder per room. */
function consoleBot(room: string, dir: string) {
  const opened = openMigrated();
  const transport = new ConsoleTransport({
    user: "mo",
    room,
    moderators: ["mo"],
    remembered: ["ana"],
    output: new PassThrough(),
    filesDir: dir,
  });
  const app = createApp({
    db: opened.db,
    transport,
    config: {
      prefix: "!",
      ledger: { maxEntriesPerHour: 30 },
      defaults: { language: "en", timezone: "Europe/Madrid" },
      permissions: { moderatorPowerLevel: 50, admins: [] },
    },
    log: pino({ level: "silent" }),
    outside: [consoleFiles(dir)],
  });
  let n = 0;
  const say = async (text: string) => {
    app.dispatcher.handle({
      eventId: `$c${++n}`,
      roomId: consoleRoomId(room),
      sender: consoleUserId("mo"),
      text,
      sentAt: Date.now(),
    });
    await app.sender.drain();
  };
  return { say, close: () => opened.close() };
}

describe("console: printed files leave with the data they hold", () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), "tandem-files-")), "files");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("removes the room's decision log and charter PDFs on !cell wipe confirm, and keeps another room's", async () => {
    const cell = consoleBot("cell", dir);
    const other = consoleBot("other", dir);
    try {
      await cell.say("!decision Ana keeps the keys");
      await cell.say("!decisions print");
      await cell.say("!charter start");
      await cell.say("!charter print");
      await other.say("!decision We meet on Thursdays");
      await other.say("!decisions print");
      const cellDir = roomFilesDir(dir, consoleRoomId("cell"));
      expect(readdirSync(cellDir).filter((f) => f.endsWith(".pdf"))).toHaveLength(2);
      // A file printed before rooms had folders: no room is known for it, so a wipe takes it too.
      writeFileSync(join(dir, "decisions-2026-01-01-0badc0de.pdf"), "%PDF old");
      await cell.say("!cell wipe confirm");
      expect(existsSync(cellDir)).toBe(false);
      expect(readdirSync(dir)).toEqual([expect.stringMatching(/^other-console-/)]);
      expect(readdirSync(roomFilesDir(dir, consoleRoomId("other")))).toHaveLength(1);
    } finally {
      cell.close();
      other.close();
    }
  });

  it("removes the room's printed files when a person is forgotten, and nothing when the command only previews", async () => {
    const cell = consoleBot("cell", dir);
    try {
      await cell.say("!ledger thanks @ana cooked soup");
      await cell.say("!decision ana keeps the keys");
      await cell.say("!decisions print");
      const cellDir = roomFilesDir(dir, consoleRoomId("cell"));
      await cell.say("!forget @ana");
      expect(readdirSync(cellDir)).toHaveLength(1);
      await cell.say("!forget @ana confirm");
      expect(existsSync(cellDir)).toBe(false);
    } finally {
      cell.close();
    }
  });
});
