import { z } from "zod";
import { defineCommand } from "../../src/core/command.js";
import { doc, p } from "../../src/core/doc.js";
import { UserError } from "../../src/core/errors.js";
import { Level } from "../../src/core/level.js";
import { parseContribution, personKey, RATE_WINDOW_MS } from "../../src/domain/ledger/index.js";
import { ledgerRepo } from "../../src/store/ledger.js";
import { contributionError, kindName, kindTag } from "./render.js";
import { personArg } from "../args.js";

export const thanks = defineCommand({
  name: "ledger thanks",
  aliases: ["thanks", "gracias", "ledger gracias"],
  group: "ledger",
  summary: "ledger.thanks.summary",
  examples: ["ledger thanks @ana cooked 40 meals", "ledger thanks @bo @cy drove 3 nurses #transport", "ledger thanks @dee 2h childcare"],
  level: Level.Member,
  params: [
    { name: "givers", kind: "people" },
    { name: "what", kind: "rest" },
  ],
  args: z.object({ givers: z.array(personArg).min(1).max(20), what: z.string().min(1).max(500) }),
  run({ givers, what }, ctx) {
    const parsed = parseContribution(what);
    if (!parsed.ok) throw contributionError(parsed.error, ctx);
    const ledger = ledgerRepo(ctx.db);
    const max = ctx.config.ledger.maxEntriesPerHour;
    if (ledger.recordedSince(ctx.roomId, ctx.sender.userId, ctx.now - RATE_WINDOW_MS) >= max) {
      throw new UserError("ledger.slow_down", { max });
    }
    const { contribution } = parsed;
    const entry = ledger.record({
      roomId: ctx.roomId,
      givers: uniqueBy(givers, personKey),
      what: contribution.what,
      ...(contribution.quantity ? { quantity: contribution.quantity } : {}),
      kind: contribution.kind,
      recordedBy: ctx.sender.userId,
      recordedAt: ctx.now,
    });
    const blocks = [p(...ctx.t.t("ledger.recorded", { who: entry.givers, n: entry.number, what: entry.what, kind: kindName(entry.kind, ctx) }))];
    if (!contribution.kindExplicit && entry.kind === "other") {
      blocks.push(p(...ctx.t.t("ledger.kind_hint", { fix: `${ctx.config.prefix}ledger fix ${entry.number} ${entry.what} ${kindTag("food", ctx)}` })));
    }
    return doc(...blocks);
  },
});

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item] as const)).values()];
}
