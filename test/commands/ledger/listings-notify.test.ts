import { renderMatrixContent } from "../../../src/transport/matrix/format.js";
import { ALICE, createTestBot, type TestBot } from "../../support/test-bot.js";

const ANA = "@ana:test.org";
const BO = "@bo:test.org";

describe("who a ledger message notifies", () => {
  let bot: TestBot;
  beforeEach(() => {
    bot = createTestBot();
    bot.transport.join("!cell:test.org", ANA, "Ana");
    bot.transport.join("!cell:test.org", BO, "Bo");
  });
  afterEach(() => bot.close());

  const lastContent = () => renderMatrixContent(bot.transport.sent.at(-1)!.doc, { kind: "reply" });

  it("a thanks notifies the people thanked", async () => {
    await bot.say(`!ledger thanks ${ANA} ${BO} cooked soup`, { sender: ALICE });
    expect(lastContent()["m.mentions"]).toEqual({ user_ids: [ANA, BO] });
  });

  it("listings and digests show the givers as pills but notify nobody", async () => {
    await bot.say(`!ledger thanks ${ANA} ${BO} cooked soup`, { sender: ALICE });
    await bot.say(`!ledger thanks ${BO} drove 3 nurses #transport`, { sender: ALICE });
    for (const listing of ["!ledger", `!ledger ${BO}`, "!ledger week", "!ledger month", "!ledger poster"]) {
      await bot.say(listing, { sender: ALICE });
      const content = lastContent();
      expect([listing, content.formatted_body]).toEqual([
        listing,
        expect.stringContaining(`href="https://matrix.to/#/${BO}"`),
      ]);
      expect([listing, content["m.mentions"]]).toEqual([listing, { user_ids: [] }]);
    }
  });
});
