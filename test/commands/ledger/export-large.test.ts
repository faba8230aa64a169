import { ledgerRepo } from "../../../commands/ledger/repository.js";
import { createTestBot, ROOM } from "../../support/test-bot.js";

describe("care ledger: an export too long for one message", () => {
  it("comes in parts that hold every entry, none cut short, and only this room's", async () => {
    const bot = createTestBot();
    try {
      const repo = ledgerRepo(bot.db);
      const givers = [{ userId: "@ana:test.org", name: "Ana" }, { name: 'Bo "the driver"' }];
      bot.db.transaction(() => {
        for (let i = 0; i < 1_500; i++) {
          repo.record({
            roomId: ROOM,
            givers,
            what: `drove "${i}" nurses, "twice"`,
            kind: "transport",
            recordedBy: "@alice:test.org",
            recordedAt: 1_000 * i,
          });
          repo.record({
            roomId: "!other:test.org",
            givers,
            what: "other room",
            kind: "transport",
            recordedBy: "@alice:test.org",
            recordedAt: 1_000 * i,
          });
        }
      })();
      const replies = await bot.say("!ledger export");
      expect(replies.length).toBeGreaterThan(2);
      const rows = replies.flatMap((reply) => reply.split("\n").filter((line) => /^\d+,/.test(line)));
      expect(rows.map((row) => Number(row.split(",")[0]))).toEqual(Array.from({ length: 1_500 }, (_, i) => i + 1));
      expect(rows.every((row) => row.includes(`"Ana; Bo ""the driver"""`) && row.endsWith(",active"))).toBe(true);
    } finally {
      bot.close();
    }
  });
});
