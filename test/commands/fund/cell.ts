import { createTestBot, MOD, ROOM, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";

/** A cell where Ana holds the treasurer role, so she keeps the fund. */
export async function cellWithTreasurer(): Promise<TestBot> {
  const bot = createTestBot();
  bot.transport.join(ROOM, ANA, "Ana");
  bot.transport.join(ROOM, BO, "Bo");
  await bot.say("!role add treasurer", { sender: MOD });
  await bot.say("!role join treasurer", { sender: ANA });
  return bot;
}
