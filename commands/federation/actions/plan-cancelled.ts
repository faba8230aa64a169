import { p } from "../../../src/kernel/doc.js";
import type { PlanCancelledHook } from "../../careplans/index.js";
import { sideOf } from "../bus.js";
import { federationServices } from "../services.js";

/**
 * A cell's care plan of an action, cancelled with `!careplan N cancel` before the window: the cell
 * steps out of the action as `!action N withdraw` takes it out (only "one fewer" crosses, and the
 * assembly room hears nothing). Once the action started, cancelling the plan is the cell's own affair.
 */
export const stepOutWithPlan: PlanCancelledHook = (db, { roomId, number: plan, now, elsewhere }) => {
  const slice = federationServices(db);
  const membership = slice.repo.membership(roomId);
  const action = membership && slice.actions.joinedBy(membership.cellId).find((a) => a.plan === plan);
  if (!membership || !action || action.startsAt <= now) return () => [];
  slice.actions.withdraw(membership.cellId, action.number);
  sideOf(slice, now, elsewhere).bus.toAssembly(membership, { kind: "action_withdraw", number: action.number });
  return (view) => [p(...view.t.t("action.plan_cancelled", { number: action.number }))];
};
