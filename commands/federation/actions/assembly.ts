import { alreadyCrossing } from "../../../src/kernel/crossing.js";
import { doc, p } from "../../../src/kernel/doc.js";
import { ACTION_TEXT_MAX, type ToAssembly, type ToCell } from "../protocol/messages.js";
import type { Cell } from "../repository.js";
import type { Side } from "../side.js";
import type { ProposedAction } from "./repository.js";

export type ActionToAssembly = Extract<ToAssembly, { kind: "action_join" | "action_withdraw" | "action_lesson" }>;

/** How many actions still ahead a cell that links hears at most. */
const CATCH_UP = 20;

/**
 * The assembly's part of days of action: it counts the cells that are in. A cell may join until the
 * action is over (a message from another Tandem may come late) and withdraw before it starts; the
 * assembly room hears neither (only `!actions` shows the count). `cell` is the registered sender.
 */
export function atAssemblyActions(side: Side, cell: Cell, body: ActionToAssembly): void {
  const { actions } = side.slice;
  const action = actions.proposed(cell.assemblyRoom, body.number);
  if (!action) return;
  if (body.kind === "action_join") {
    if (side.now < action.endsAt) actions.joinCell(cell.assemblyRoom, action.number, cell.cellId, side.now);
  } else if (body.kind === "action_withdraw") {
    if (side.now < action.startsAt) actions.withdrawCell(cell.assemblyRoom, action.number, cell.cellId);
  } else if (side.now >= action.startsAt && actions.isIn(cell.assemblyRoom, action.number, cell.cellId)) {
    const shared = { assemblyRoom: cell.assemblyRoom, number: action.number, cellId: cell.cellId, ref: body.ref };
    if (!actions.addLesson({ ...shared, text: body.text }, side.now)) return;
    // Which cell learnt it stays unsaid here too.
    const hall = side.elsewhere(cell.assemblyRoom);
    hall.post(doc(p(...hall.view.t.t("action.hall.lesson", { number: action.number, text: body.text }))));
  }
}

/** Tells every cell of the assembly of an action (the proposing moderator's command calls it). */
export function tellCells(side: Side, action: ProposedAction): void {
  const message = actionMessage(action);
  if (!message) return;
  for (const cell of side.slice.repo.cells(action.assemblyRoom)) side.bus.toCell(cell, message);
}

/** A cell that links to the assembly hears the actions still ahead, so it can join them too. */
export function actionsCatchUp(side: Side, cell: Cell): void {
  for (const action of side.slice.actions.upcoming(cell.assemblyRoom, side.now, CATCH_UP)) {
    const message = action.startsAt > side.now ? actionMessage(action) : undefined;
    if (message) side.bus.toCell(cell, message);
  }
}

/** The message that tells a cell of an action; its words are read back through the cleaner's check. */
function actionMessage(action: ProposedAction): Extract<ToCell, { kind: "action" }> | undefined {
  const text = alreadyCrossing(action.text, ACTION_TEXT_MAX);
  return text === undefined
    ? undefined
    : { kind: "action", number: action.number, text, startsAt: action.startsAt, endsAt: action.endsAt };
}
