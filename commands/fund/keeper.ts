import { roleWord } from "../rotation/index.js";
import type { CommandContext } from "../../src/kernel/command.js";
import { type Deferred, UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import type { FundSlice } from "./services.js";

export type Ctx = CommandContext<FundSlice>;

/** Commands about a cell's money run in the cell: a direct message has no fund of its own. */
export function inCell(ctx: CommandContext<FundSlice, "room">): void {
  if (ctx.room.direct)
    throw new UserError("fund.cell_only", {
      ask: ctx.hint("fund ask", {
        fundcode: ctx.t.text("fund.example.code_placeholder"),
        text: ctx.t.text("fund.ask.example"),
      }),
    });
}

export function keeperOf(ctx: Ctx): string | null {
  return ctx.slice.keeper(ctx.roomId, ctx.settings.timezone, ctx.now);
}

/**
 * Keeping the fund: the holder of the keeper role when someone holds it; while nobody does,
 * the room's moderators.
 */
export function mustBeKeeper(ctx: Ctx): string | null {
  const keeper = keeperOf(ctx);
  const ok = keeper === null ? ctx.level >= Level.Moderator : keeper === ctx.sender.userId;
  if (ok) return keeper;
  const role = keeperRoleWord(ctx);
  throw keeper === null
    ? new UserError("fund.keeper_only.none", { role })
    : new UserError("fund.keeper_only", { role, keeper: ctx.personOf(keeper) });
}

/** The keeper's role, written in the room's language when the refusal is shown. */
function keeperRoleWord(ctx: Ctx): Deferred {
  const role = ctx.slice.repo.room(ctx.roomId).keeperRole;
  return (view) => roleWord(role, view.t.lang);
}

/** Approving and deciding: the keeper or a moderator. */
export function mustBeKeeperOrModerator(ctx: Ctx): string | null {
  const keeper = keeperOf(ctx);
  if (keeper !== ctx.sender.userId && ctx.level < Level.Moderator)
    throw new UserError("fund.decider_only", {
      role: keeperRoleWord(ctx),
    });
  return keeper;
}
