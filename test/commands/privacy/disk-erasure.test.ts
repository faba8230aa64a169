import { existsSync, readFileSync } from "node:fs";
import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const QUINN = "@quinn:test.org";

/** Every file of the database (the database, its write-ahead log and its shared index), as raw bytes. */
function rawBytes(bot: TestBot): Buffer {
  return Buffer.concat(
    [bot.path, `${bot.path}-wal`, `${bot.path}-shm`]
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file)),
  );
}

const onDisk = (bot: TestBot, text: string) => rawBytes(bot).includes(Buffer.from(text, "utf8"));

describe("privacy: erasure reaches the disk", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    // Production turns it on where the database is opened; the test database says it itself.
    bot.db.pragma("secure_delete = ON");
    bot.transport.join(ROOM, QUINN, "Quinn");
  });
  afterEach(() => bot.close());

  it("leaves no wiped text in the database files after !cell wipe confirm", async () => {
    await bot.say("!ledger thanks @alice baked zucchini bread");
    await bot.say("!careplan picket the marmalade factory at monday 7:00");
    await bot.say("!ledger fix 1 baked pumpernickel loaves");
    for (const text of ["zucchini", "pumpernickel", "marmalade"]) expect(onDisk(bot, text)).toBe(true);
    await bot.say("!cell wipe confirm", { sender: MOD });
    for (const text of ["zucchini", "pumpernickel", "marmalade"]) expect(onDisk(bot, text)).toBe(false);
  });

  it("leaves neither the user id nor the name in free texts on disk after !forget me confirm", async () => {
    await bot.say("!ledger thanks @quinn cooked 3 meals");
    await bot.say("!ledger thanks @alice helped quinn move");
    await bot.say("!role add facilitator", { sender: MOD });
    await bot.say("!role join facilitator", { sender: QUINN });
    expect(onDisk(bot, QUINN)).toBe(true);
    await bot.say("!forget me confirm", { sender: QUINN });
    // The reply "Done: Quinn is forgotten" was delivered, so the outbox keeps no text of it.
    expect(onDisk(bot, QUINN)).toBe(false);
    expect(onDisk(bot, "helped quinn move")).toBe(false);
  });

  it("keeps no text of a delivered reply on disk", async () => {
    await bot.say("!xylophonequartz");
    bot.db.pragma("wal_checkpoint(TRUNCATE)");
    expect(onDisk(bot, "xylophonequartz")).toBe(false);
  });
});
