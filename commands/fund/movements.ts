import { roleWord } from "../rotation/index.js";
import { commandsOf } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import type { TextKey } from "../../src/kernel/i18n/catalog.js";
import { param } from "../../src/kernel/params.js";
import { memberKey } from "../../src/kernel/mentions.js";
import { dropExpiry, PAYOUT_EXPIRY_DAYS, planExpiry } from "./expiry.js";
import { inCell, mustBeKeeper, mustBeKeeperOrModerator, type Ctx } from "./keeper.js";
import { money } from "./render.js";
import type { Movement } from "./repository.js";
import { canPay, secondSignature } from "./rules/balance.js";
import { readMovementText, type MovementText } from "./rules/movement-text.js";
import { KNOWN_CURRENCIES, type AmbiguousAmount, type Money, type MoneyError } from "./rules/money.js";
import type { FundSlice } from "./services.js";
import type { CommandContext } from "../../src/kernel/command.js";

const command = commandsOf<FundSlice>();

/** A money error as a clear refusal that says what to type instead (an ambiguous amount: both readings). */
export function moneyError(
  failure: { error: MoneyError | "not-monthly"; ambiguous?: AmbiguousAmount },
  example: string,
): never {
  const { ambiguous } = failure;
  const params = { example, known: KNOWN_CURRENCIES.join(", ") };
  if (!ambiguous) throw new UserError(`fund.money.${failure.error}`, params);
  throw new UserError("fund.money.ambiguous", {
    ...params,
    typed: ambiguous.typed,
    thousands: (view) => money(ambiguous.thousands, view),
    whole: ambiguous.whole,
    cents: ambiguous.cents,
  });
}

/** What follows `in`, `out` or `fix`: the amount, who, a note; a clear refusal when it cannot be read. */
export function readOrRefuse(
  text: string,
  ctx: CommandContext<FundSlice, "room">,
  example: string,
): MovementText & { person?: string } {
  const read = readMovementText(text);
  if (!read.ok) moneyError(read, example);
  const { personWord } = read.value;
  if (personWord === undefined) return read.value;
  const person = ctx.room.person(personWord);
  if (!person) throw new UserError("fund.unknown_person", { word: personWord });
  return { ...read.value, person: memberKey(person) };
}

/** Money that left or would leave the fund must be there: it never goes below zero. */
export function mustHold(ctx: Ctx, m: Money): void {
  if (!canPay(ctx.slice.repo.done(ctx.roomId), m))
    throw new UserError("fund.not_enough", { amount: (view) => money(m, view), show: ctx.hint("fund") });
}

export const moneyIn = command({
  name: "fund in",
  es: "fondo entra",
  aliases: ["fondo entrada", "fund entra"],
  group: "fund",
  summary: "fund.in.summary",
  examples: {
    en: ["fund in €50 from @ana May dues", "fund in 1.234,56 € de @ana"],
    es: ["fondo entra 50 € de @ana cuota de mayo", "fondo entra 1.234,56 € de @ana"],
  },
  level: Level.Member,
  params: { text: param.rest({ max: 300 }) },
  uses: ["room"],
  run({ text }, ctx): Movement {
    inCell(ctx);
    if (ctx.level < Level.Moderator) mustBeKeeper(ctx);
    const read = readOrRefuse(text, ctx, ctx.hint("fund in", { text: ctx.t.text("fund.in.example_text") }));
    return ctx.slice.repo.addMovement({
      roomId: ctx.roomId,
      direction: "in",
      ...read.money,
      person: read.person ?? null,
      note: read.note,
      status: "done",
      request: null,
      proposedBy: ctx.sender.userId,
      proposedAt: ctx.now,
      approvedBy: null,
      effectiveAt: ctx.now,
    });
  },
  render: (m, view) => doc(p(...view.t.t("fund.in.done", { n: m.number, amount: money(m, view) }))),
});

export const moneyOut = command({
  name: "fund out",
  es: "fondo sale",
  aliases: ["fondo salida", "fund sale"],
  group: "fund",
  summary: "fund.out.summary",
  examples: { en: ["fund out €120 to @bo rent support"], es: ["fondo sale 120 € a @bo ayuda con el alquiler"] },
  level: Level.Member,
  params: { text: param.rest({ max: 300 }) },
  uses: ["jobs", "room"],
  run({ text }, ctx): Movement {
    inCell(ctx);
    mustBeKeeper(ctx);
    const read = readOrRefuse(text, ctx, ctx.hint("fund out", { text: ctx.t.text("fund.out.example_text") }));
    mustHold(ctx, read.money);
    const m = ctx.slice.repo.addMovement({
      roomId: ctx.roomId,
      direction: "out",
      ...read.money,
      person: read.person ?? null,
      note: read.note,
      status: "proposed",
      request: null,
      proposedBy: ctx.sender.userId,
      proposedAt: ctx.now,
      approvedBy: null,
      effectiveAt: null,
    });
    planExpiry(ctx.jobs, m.number, ctx.now, ctx.settings.timezone);
    return m;
  },
  render: (m, view) =>
    doc(
      p(
        ...view.t.t("fund.out.proposed", {
          n: m.number,
          amount: money(m, view),
          approve: view.hint("fund approve", { movement: m.number }),
        }),
      ),
      p(
        ...view.t.t("fund.out.expires", {
          days: PAYOUT_EXPIRY_DAYS,
          cancel: view.hint("fund cancel", { movement: m.number }),
        }),
      ),
    ),
});

export const approve = command({
  name: "fund approve",
  es: "fondo aprobar",
  group: "fund",
  summary: "fund.approve.summary",
  examples: { en: ["fund approve 7"], es: ["fondo aprobar 7"] },
  level: Level.Member,
  params: { movement: param.int() },
  uses: ["jobs", "room"],
  run({ movement: number }, ctx): Movement {
    inCell(ctx);
    const keeper = mustBeKeeperOrModerator(ctx);
    const m = ctx.slice.repo.movement(ctx.roomId, number);
    if (!m) throw new UserError("fund.approve.unknown", { n: number, show: ctx.hint("fund") });
    if (m.direction === "in") throw new UserError("fund.approve.not_payout", { n: number });
    if (m.status !== "proposed") {
      const key: TextKey = m.status === "done" ? "fund.approve.done_already" : `fund.approve.${m.status}`;
      throw new UserError(key, {
        n: number,
        show: ctx.hint("fund"),
        out: (view) => view.hint("fund out", { text: `${money(m, view)} ${m.note}`.trim() }),
      });
    }
    const check = secondSignature(m.proposedBy, ctx.sender.userId, keeper);
    if (check !== "ok") throw new UserError(`fund.second.${check}`, { n: number });
    mustHold(ctx, m);
    ctx.slice.repo.approve(ctx.roomId, number, ctx.sender.userId, ctx.now);
    dropExpiry(ctx.jobs, number);
    return { ...m, status: "done", approvedBy: ctx.sender.userId, effectiveAt: ctx.now };
  },
  render: (m, view) => doc(p(...view.t.t("fund.approve.done", { n: m.number, amount: money(m, view) }))),
});

export const keeperRole = command({
  name: "fund keeper",
  es: "fondo responsable",
  group: "fund",
  summary: "fund.keeper.summary",
  examples: { en: ["fund keeper treasurer"], es: ["fondo responsable tesorería"] },
  level: Level.Moderator,
  params: { role: param.word({ max: 40 }) },
  uses: ["room"],
  run({ role }, ctx) {
    inCell(ctx);
    ctx.slice.repo.room(ctx.roomId);
    ctx.slice.repo.setKeeperRole(ctx.roomId, role);
    return { role, holder: ctx.slice.keeper(ctx.roomId, ctx.settings.timezone, ctx.now) };
  },
  render: ({ role: typed, holder }, view) => {
    const role = roleWord(typed, view.t.lang);
    return doc(
      p(
        ...view.t.t(holder ? "fund.keeper.set" : "fund.keeper.set_nobody", {
          role,
          holder: holder ? view.personOf(holder) : "",
          add: view.hint("role add", { role }),
        }),
      ),
    );
  },
});

export const movementCommands = [moneyIn, moneyOut, approve, keeperRole];
