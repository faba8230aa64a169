import { type CommandContext, Level, orRefuse, UserError } from "../../src/kernel/authoring.js";
import type { CarePlan } from "./repository.js";
import type { CareAct } from "./rules/index.js";
import type { CarePlanSlice } from "./services.js";

export type Ctx = CommandContext<CarePlanSlice>;

/** A plan with its care act resolved: what most replies show. */
export interface PlanView {
  plan: CarePlan;
  act: CareAct | undefined;
}

export const viewOf = (plan: CarePlan, ctx: Ctx): PlanView => ({ plan, act: ctx.slice.act(ctx.roomId, plan.careAct) });

/** The room's plan `number`; by default it must still be planned. */
export function mustGet(number: number, ctx: Ctx, planned = true): CarePlan {
  const list = ctx.hint("careplans");
  const plan = orRefuse(
    ctx.slice.plans.get(ctx.roomId, number),
    () => new UserError("careplan.unknown", { n: number, list }),
  );
  if (planned && plan.status !== "planned") throw new UserError("careplan.closed", { n: number, list });
  return plan;
}

/** Whoever made the plan, and moderators, may change what everyone else relies on: its time, its closing early. */
export const mayManage = (plan: CarePlan, ctx: Ctx): boolean =>
  plan.createdBy === ctx.sender.userId || ctx.level >= Level.Moderator;
