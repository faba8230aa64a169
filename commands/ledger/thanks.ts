import { commandsOf } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { parseContribution, personKey } from "./rules/index.js";
import { contributionError, kindName, kindTag } from "./render.js";
import type { LedgerSlice } from "./services.js";

const command = commandsOf<LedgerSlice>();

export const thanks = command({
  name: "ledger thanks",
  es: "ledger gracias",
  aliases: ["thanks", "gracias"],
  group: "ledger",
  summary: "ledger.thanks.summary",
  examples: ["ledger thanks @ana cooked 40 meals", "ledger thanks @bo @cy drove 3 nurses #transport", "ledger thanks @dee 2h childcare"],
  level: Level.Member,
  params: { givers: param.people({ max: 20 }), what: param.rest({ max: 500 }) },
  // Counted in memory per member and room; a flood of thanks is more likely a mistake than care.
  rateLimit: { bucket: "ledger.record", perHour: (config) => config.ledger.maxEntriesPerHour, refusal: "ledger.slow_down" },
  run({ givers, what }, ctx) {
    const parsed = parseContribution(what);
    if (!parsed.ok) throw contributionError(parsed.error, ctx);
    const { contribution } = parsed;
    const entry = ctx.slice.record({
      roomId: ctx.roomId,
      givers: uniqueBy(givers, personKey),
      what: contribution.what,
      ...(contribution.quantity ? { quantity: contribution.quantity } : {}),
      kind: contribution.kind,
      recordedBy: ctx.sender.userId,
      recordedAt: ctx.now,
    });
    return { entry, kindUnknown: !contribution.kindExplicit && entry.kind === "other" };
  },
  render({ entry, kindUnknown }, view) {
    const recorded = p(...view.t.t("ledger.recorded", { who: entry.givers, n: entry.number, what: entry.what, kind: kindName(entry.kind, view) }));
    if (!kindUnknown) return doc(recorded);
    // The words follow the hint unquoted: `fix` reads the rest of the line verbatim, quotes included.
    const fix = `${view.hint("ledger fix", { number: entry.number })} ${entry.what} ${kindTag("food", view)}`;
    return doc(recorded, p(...view.t.t("ledger.kind_hint", { fix })));
  },
});

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item] as const)).values()];
}
