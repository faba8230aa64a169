import type { Block, RenderContext } from "../../src/kernel/authoring.js";
import type { ElsewhereOf } from "../../src/kernel/command.js";
import type { Db } from "../../src/platform/db.js";

/** A plan a member has just cancelled with `!careplan N cancel`. */
export interface CancelledPlan {
  roomId: string;
  number: number;
  now: number;
  /** Other rooms: a feature's side of the plan may live elsewhere (a day of action's assembly). */
  elsewhere: ElsewhereOf;
}

/**
 * What another feature does when a member cancels a plan that feature made (federation: the cell
 * steps out of the day of action the plan carried). It runs inside the command's transaction, after
 * the plan is closed, and returns how to word what it did in the room's language; no blocks when the
 * plan was none of its business. The registry hands the hooks to care plans, so care plans never
 * import the features that listen.
 */
export type PlanCancelledHook = (db: Db, cancelled: CancelledPlan) => (view: Pick<RenderContext, "t">) => Block[];
