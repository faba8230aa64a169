import { commandsOf } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { memberKey } from "../../src/kernel/time/format.js";
import { ensureAnnouncement } from "./announcement.js";
import { actingFor, changeRotation, roleParam, rotationNow } from "./common.js";
import { rolesBlock, withHandovers } from "./render.js";
import { addRole, findRole, joinRole, leaveRole, parseTerm, planTerms, removeRole, setOrder } from "./rules/index.js";
import type { RotationSlice } from "./services.js";

const command = commandsOf<RotationSlice>();

export const roles = command({
  name: "roles",
  aliases: ["roles list"],
  group: "roles",
  summary: "roles.summary",
  examples: ["roles"],
  level: Level.Member,
  params: {},
  run(_args, ctx) {
    const { state, calendar } = rotationNow(ctx);
    return { plans: planTerms(state, ctx.now, calendar, 2) };
  },
  render: ({ plans }, view) =>
    plans.length === 0
      ? doc(p(...view.t.t("roles.none", { example: view.hint("role add", { role: "facilitator", term: "every 2 weeks" }) })))
      : doc(p(...view.t.t("roles.title")), rolesBlock(plans, view)),
});

export const roleAdd = command({
  name: "role add",
  aliases: ["rol añadir", "rol anadir"],
  group: "roles",
  summary: "role.add.summary",
  examples: ["role add facilitator every 2 weeks", "role add treasurer"],
  level: Level.Moderator,
  params: { role: roleParam, term: param.rest({ max: 40, optional: true }) },
  run({ role, term }, ctx) {
    const weeks = parseTerm(term);
    if (weeks === undefined) throw new UserError("role.add.bad_term", { found: term ?? "" });
    changeRotation(ctx, (state) => addRole(state, role, weeks));
    ensureAnnouncement(ctx.jobs);
    return { role, weeks };
  },
  render: ({ role, weeks }, view) => doc(p(...view.t.t("role.add.done", { role, count: weeks, join: view.hint("role join", { role }) }))),
});

export const roleRemove = command({
  name: "role remove",
  aliases: ["rol quitar"],
  group: "roles",
  summary: "role.remove.summary",
  examples: ["role remove spokesperson"],
  level: Level.Moderator,
  params: { role: roleParam },
  run({ role }, ctx) {
    changeRotation(ctx, (state) => removeRole(state, role, ctx.now));
    return { role };
  },
  render: ({ role }, view) => doc(p(...view.t.t("role.remove.done", { role }))),
});

export const roleOrder = command({
  name: "role order",
  aliases: ["rol orden"],
  group: "roles",
  summary: "role.order.summary",
  examples: ["role order facilitator @ana @bo @cy"],
  level: Level.Moderator,
  params: { role: roleParam, people: param.people({ max: 50 }) },
  run({ role, people }, ctx) {
    const { state, handovers } = changeRotation(ctx, (s, calendar) => setOrder(s, role, people.map(memberKey), ctx.now, calendar));
    return { role: findRole(state, role)?.name ?? role, people, handovers };
  },
  render: ({ role, people, handovers }, view) => withHandovers(p(...view.t.t("role.order.done", { role, people })), handovers, view),
});

export const roleJoin = command({
  name: "role join",
  aliases: ["rol unirse"],
  group: "roles",
  summary: "role.join.summary",
  examples: ["role join facilitator", "role join treasurer @bo"],
  level: Level.Member,
  params: { role: roleParam, member: param.person({ optional: true }) },
  run({ role, member: named }, ctx) {
    const who = actingFor(named, ctx, ctx.hint("role join", { role }));
    const { state } = changeRotation(ctx, (s) => joinRole(s, role, memberKey(who)));
    const found = findRole(state, role);
    return { role: found?.name ?? role, who, holds: found?.holder === memberKey(who) };
  },
  render: ({ role, who, holds }, view) => doc(p(...view.t.t(holds ? "role.join.holds" : "role.join.done", { role, who }))),
});

export const roleLeave = command({
  name: "role leave",
  aliases: ["rol dejar"],
  group: "roles",
  summary: "role.leave.summary",
  examples: ["role leave facilitator", "role leave treasurer @bo"],
  level: Level.Member,
  params: { role: roleParam, member: param.person({ optional: true }) },
  run({ role, member: named }, ctx) {
    const who = actingFor(named, ctx, ctx.hint("role leave", { role }));
    const { state, handovers } = changeRotation(ctx, (s, calendar) => leaveRole(s, role, memberKey(who), ctx.now, calendar));
    return { role: findRole(state, role)?.name ?? role, who, handovers };
  },
  render: ({ role, who, handovers }, view) => withHandovers(p(...view.t.t("role.leave.done", { role, who })), handovers, view),
});

export const rolesCommands = [roles, roleAdd, roleRemove, roleOrder, roleJoin, roleLeave];
