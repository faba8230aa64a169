import type { CommandContext, RenderContext } from "../../../src/kernel/command.js";
import { p, type Block } from "../../../src/kernel/doc.js";
import { UserError } from "../../../src/kernel/errors.js";
import { federateHint } from "../render.js";
import type { Membership } from "../repository.js";
import type { FederationSlice } from "../services.js";
import { cross, type CrossingText, type Removed, type StandIns } from "../../../src/kernel/crossing.js";
import type { Translator } from "../../../src/kernel/i18n/index.js";
import { BOARD_TEXT_MAX } from "./rules/text.js";

type Ctx = CommandContext<FederationSlice>;

/**
 * This cell's welcomed membership. `sending`: the command sends something to the assembly, which a
 * paused cell does not do.
 */
export function linkedCell(ctx: Ctx, sending: boolean): Membership {
  const membership = ctx.slice.repo.membership(ctx.roomId);
  if (!membership)
    throw new UserError("fed.not_linked", { federate: federateHint(ctx.t.text("fed.example.code"), ctx) });
  if (membership.state === "pending")
    throw new UserError("fed.pending", { pseudonym: membership.pseudonym, leave: ctx.hint("federation leave") });
  if (sending && membership.state === "paused")
    throw new UserError("board.paused", { resume: ctx.hint("federation resume") });
  return membership;
}

/** The words that stand in for what the cleaner takes out, in the room's language. */
export const standIns = (t: Translator): StandIns => ({
  someone: t.text("board.someone"),
  link: t.text("board.stand_in.link"),
  phone: t.text("board.stand_in.phone"),
});

/** A text made safe to cross, or the sentence that says why it cannot. */
export function crossingText(
  raw: string,
  t: Translator,
  max = BOARD_TEXT_MAX,
): { text: CrossingText; removed: Removed[] } {
  const crossed = cross(raw, standIns(t), max);
  if ("text" in crossed) return crossed;
  throw new UserError(`board.text.${crossed.problem}`, { max, length: crossed.length ?? 0 });
}

/** Tells the member what the cleaner took out before their words crossed; nothing when it took nothing. */
export const removedNote = (removed: readonly Removed[], view: RenderContext): Block[] =>
  removed.length === 0
    ? []
    : [
        p(
          ...view.t.t("board.cleaned", {
            removed: removed.map((kind) => view.t.text(`board.removed.${kind}`)).join(", "),
          }),
        ),
      ];
