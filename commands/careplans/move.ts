import { commandsOf } from "../../src/kernel/command.js";
import { about, doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { mayManage, mustGet } from "./lookup.js";
import { scheduleCarePlanPosts } from "./posts.js";
import { planRef, when } from "./render.js";
import type { CarePlanSlice } from "./services.js";

const command = commandsOf<CarePlanSlice>();

export const move = command({
  name: "careplan move",
  es: "plan # mover",
  aliases: ["careplan # move", "plan # move", "plan move", "careplan mover", "careplan # mover"],
  group: "careplan",
  summary: "careplan.move.summary",
  examples: { en: ["careplan 2 move to saturday 10:00"], es: ["plan 2 mover al sábado 10:00"] },
  level: Level.Member,
  // "move to saturday 10:00", "mover al sábado 10:00": the little word before the time is optional.
  params: { plan: param.int(), when: param.when() },
  // The plan keeps its length; its reminder and calls move with it.
  run({ plan: number, when: moveTo }, ctx) {
    const plan = mustGet(number, ctx);
    if (!mayManage(plan, ctx)) throw new UserError("careplan.move.not_yours", { n: number });
    const startsAt = moveTo.utcMs;
    const endsAt = startsAt + (plan.endsAt - plan.startsAt);
    ctx.slice.plans.move(plan, startsAt, endsAt);
    const moved = { ...plan, startsAt, endsAt };
    ctx.jobs.deleteByRef(planRef(plan.number));
    scheduleCarePlanPosts(ctx.jobs, moved, ctx.settings.timezone);
    return moved;
  },
  render: (plan, view) =>
    about(
      planRef(plan.number),
      doc(
        p(
          ...view.t.t("careplan.move.done", {
            n: plan.number,
            action: plan.action,
            from: when(plan.startsAt, view),
            to: when(plan.endsAt, view),
          }),
        ),
      ),
    ),
});
