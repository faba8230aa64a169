import { commandsOf } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { inCell, mustBeKeeperOrModerator, type Ctx } from "./keeper.js";
import { readOrRefuse } from "./movements.js";
import { money } from "./render.js";
import type { Movement } from "./repository.js";
import { balances } from "./rules/balance.js";
import { dropExpiry } from "./expiry.js";
import type { FundSlice } from "./services.js";

const command = commandsOf<FundSlice>();

function movementOf(number: number, ctx: Ctx): Movement {
  const m = ctx.slice.repo.movement(ctx.roomId, number);
  if (!m) throw new UserError("fund.movement.unknown", { n: number, show: ctx.hint("fund") });
  // A granted request's payout is decided by two people on the request: it is not corrected here.
  if (m.request !== null) throw new UserError("fund.movement.support", { n: number });
  return m;
}

/** A waiting payout is its proposer's to withdraw, or a moderator's. */
function mayWithdraw(m: Movement, ctx: Ctx): void {
  if (m.proposedBy !== ctx.sender.userId && ctx.level < Level.Moderator)
    throw new UserError("fund.cancel.not_yours", { n: m.number });
}

/** Whatever the correction, the fund never holds less than nothing in any currency. */
function mustStayCovered(ctx: Ctx): void {
  const short = balances(ctx.slice.repo.done(ctx.roomId)).find((b) => b.minor < 0);
  if (short)
    throw new UserError("fund.correct.short", {
      amount: (view) => money({ ...short, minor: -short.minor }, view),
      show: ctx.hint("fund"),
    });
}

export const cancel = command({
  name: "fund cancel",
  es: "fondo anular",
  aliases: ["fondo cancelar", "fund # cancel", "fondo # anular"],
  group: "fund",
  summary: "fund.cancel.summary",
  examples: { en: ["fund cancel 7"], es: ["fondo anular 7"] },
  level: Level.Member,
  params: { movement: param.int() },
  uses: ["jobs", "room"],
  run({ movement: number }, ctx): Movement {
    inCell(ctx);
    const m = movementOf(number, ctx);
    if (m.status !== "proposed")
      throw new UserError("fund.cancel.not_waiting", { n: number, undo: ctx.hint("fund undo", { movement: number }) });
    mayWithdraw(m, ctx);
    ctx.slice.repo.close(ctx.roomId, m, "cancel", ctx.sender.userId, ctx.now);
    dropExpiry(ctx.jobs, number);
    return m;
  },
  render: (m, view) => doc(p(...view.t.t("fund.cancel.done", { n: m.number, amount: money(m, view) }))),
});

export const undo = command({
  name: "fund undo",
  es: "fondo deshacer",
  aliases: ["fund deshacer", "fund # undo", "fondo # deshacer"],
  group: "fund",
  summary: "fund.undo.summary",
  examples: { en: ["fund undo 4"], es: ["fondo deshacer 4"] },
  level: Level.Member,
  params: { movement: param.int() },
  uses: ["room"],
  run({ movement: number }, ctx): Movement {
    inCell(ctx);
    mustBeKeeperOrModerator(ctx);
    const m = movementOf(number, ctx);
    if (m.status === "proposed")
      throw new UserError("fund.undo.waiting", { n: number, cancel: ctx.hint("fund cancel", { movement: number }) });
    if (m.status !== "done") throw new UserError("fund.undo.closed", { n: number });
    ctx.slice.repo.close(ctx.roomId, m, "undo", ctx.sender.userId, ctx.now);
    mustStayCovered(ctx);
    return m;
  },
  render: (m, view) =>
    doc(
      p(
        ...view.t.t(m.direction === "in" ? "fund.undo.done.in" : "fund.undo.done.out", {
          n: m.number,
          amount: money(m, view),
        }),
      ),
    ),
});

export const fix = command({
  name: "fund fix",
  es: "fondo corregir",
  aliases: ["fund corregir", "fund # fix", "fondo # corregir"],
  group: "fund",
  summary: "fund.fix.summary",
  examples: { en: ["fund fix 4 €45 from @ana May dues"], es: ["fondo corregir 4 45 € de @ana cuota de mayo"] },
  level: Level.Member,
  params: { movement: param.int(), text: param.rest({ max: 300 }) },
  uses: ["room"],
  run({ movement: number, text }, ctx): Movement {
    inCell(ctx);
    const m = movementOf(number, ctx);
    if (m.status === "proposed") mayWithdraw(m, ctx);
    else if (m.status === "done") mustBeKeeperOrModerator(ctx);
    else throw new UserError("fund.undo.closed", { n: number });
    const read = readOrRefuse(
      text,
      ctx,
      ctx.hint("fund fix", { movement: number, text: ctx.t.text("fund.fix.example_text") }),
    );
    const change = { ...read.money, person: read.person ?? null, note: read.note };
    ctx.slice.repo.fix(ctx.roomId, m, change, ctx.sender.userId, ctx.now);
    if (m.status === "done") mustStayCovered(ctx);
    return { ...m, ...change };
  },
  render: (m, view) => doc(p(...view.t.t("fund.fix.done", { n: m.number, amount: money(m, view) }))),
});

export const correctionCommands = [cancel, undo, fix];
