import { commandsOf } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import type { Person } from "../../src/kernel/invocation.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import type { TrustSlice } from "./services.js";

const command = commandsOf<TrustSlice>();

/** Words of the decision log are tagged, so the cell can find every identity change at once. */
export const IDENTITY_TAG = "identity";

/**
 * A moderator who checked in person that the member really reset her account approves her new
 * identity: the approval is recorded here, with who gave it, and the transport pins the identity
 * and runs the held commands once this message committed.
 */
export const trust = command({
  name: "trust",
  es: "confiar",
  group: "trust",
  summary: "trust.summary",
  examples: { en: ["trust @ana"], es: ["confiar @ana"] },
  level: Level.Moderator,
  params: { trusted: param.person() },
  run({ trusted }, ctx): { who: Person; n: number } {
    const userId = trusted.userId;
    if (!userId) throw new UserError("trust.no_id", { example: ctx.hint("trust", { trusted: "@ana" }) });
    const who: Person = { userId, name: trusted.name };
    if (!ctx.slice.holds.approve(ctx.roomId, userId, ctx.sender.userId, ctx.now))
      throw new UserError("trust.nothing", { who });
    const n = ctx.slice.recordDecision(
      ctx.roomId,
      ctx.t.text("trust.log.approved", { by: ctx.sender, who }),
      [IDENTITY_TAG],
      ctx.now,
    );
    return { who, n };
  },
  render: ({ who, n }, view) => doc(p(...view.t.t("trust.done", { who, n }))),
});
