import type { CommandContext } from "../../../src/kernel/command.js";
import { UserError } from "../../../src/kernel/errors.js";
import { federateHint } from "../render.js";
import type { Membership } from "../repository.js";
import type { FederationSlice } from "../services.js";
import { BOARD_TEXT_MAX, cleanBoardText } from "./rules/text.js";

type Ctx = CommandContext<FederationSlice>;

/**
 * This cell's welcomed membership. `sending`: the command sends something to the assembly, which a
 * paused cell does not do.
 */
export function linkedCell(ctx: Ctx, sending: boolean): Membership {
  const membership = ctx.slice.repo.membership(ctx.roomId);
  if (!membership) throw new UserError("fed.not_linked", { federate: federateHint(ctx.t.text("fed.example.code"), ctx) });
  if (membership.state === "pending") throw new UserError("fed.pending", { pseudonym: membership.pseudonym, leave: ctx.hint("federation leave") });
  if (sending && membership.state === "paused") throw new UserError("board.paused", { resume: ctx.hint("federation resume") });
  return membership;
}

/** A text made safe to cross, or the sentence that says why it cannot. */
export function boardText(raw: string, ctx: Ctx): { text: string; changed: boolean } {
  const cleaned = cleanBoardText(raw, ctx.t.text("board.someone"));
  if ("text" in cleaned) return cleaned;
  throw new UserError(`board.text.${cleaned.problem}`, { max: BOARD_TEXT_MAX, length: cleaned.length ?? 0 });
}
