import { commandsOf, type CommandName } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { memberKey } from "../../src/kernel/mentions.js";
import { ensureAnnouncement } from "./announcement.js";
import { actingFor, changeRotation, mentionOf, roleParam, rotationNow } from "./common.js";
import { rolesBlock, withHandovers } from "./render.js";
import {
  addRole,
  findRole,
  joinRole,
  leaveRole,
  orderDifference,
  parseTerm,
  planTerms,
  removeRole,
  rotationOrder,
  setOrder,
} from "./rules/index.js";
import type { RotationSlice } from "./services.js";

const command = commandsOf<RotationSlice>();

export const roles = command({
  name: "roles",
  es: "roles",
  aliases: ["roles list"],
  group: "roles",
  summary: "roles.summary",
  examples: { en: ["roles"], es: ["roles"] },
  level: Level.Member,
  params: {},
  uses: ["jobs"],
  run(_args, ctx) {
    const { state, calendar } = rotationNow(ctx);
    return { plans: planTerms(state, ctx.now, calendar, 2) };
  },
  render: ({ plans }, view) =>
    plans.length === 0
      ? doc(
          p(
            ...view.t.t("roles.none", {
              example: view.hint("role add", {
                role: view.t.text("role.example.role"),
                term: view.t.text("role.example.term"),
              }),
            }),
          ),
        )
      : doc(p(...view.t.t("roles.title")), rolesBlock(plans, view)),
});

export const roleAdd = command({
  name: "role add",
  es: "rol añadir",
  aliases: ["rol anadir"],
  group: "roles",
  summary: "role.add.summary",
  examples: {
    en: ["role add facilitator every 2 weeks", "role add treasurer"],
    es: ["rol añadir facilitación cada 2 semanas", "rol añadir tesorería"],
  },
  level: Level.Moderator,
  params: { role: roleParam, term: param.rest({ max: 40, optional: true }) },
  uses: ["jobs"],
  run({ role, term }, ctx) {
    const weeks = parseTerm(term);
    if (weeks === undefined) {
      const example = ctx.hint("role add", { role, term: ctx.t.text("role.example.term") });
      throw new UserError("role.add.bad_term", {
        found: term ?? "",
        example,
        monthly: ctx.t.text("role.example.monthly"),
      });
    }
    changeRotation(ctx, (state) => addRole(state, role, weeks));
    ensureAnnouncement(ctx.jobs);
    return { role, weeks };
  },
  render: ({ role, weeks }, view) =>
    doc(p(...view.t.t("role.add.done", { role, count: weeks, join: view.hint("role join", { role }) }))),
});

export const roleRemove = command({
  name: "role remove",
  es: "rol quitar",
  group: "roles",
  summary: "role.remove.summary",
  examples: { en: ["role remove spokesperson"], es: ["rol quitar portavoz"] },
  level: Level.Moderator,
  params: { role: roleParam },
  uses: ["jobs"],
  run({ role }, ctx) {
    changeRotation(ctx, (state) => removeRole(state, role, ctx.now));
    return { role };
  },
  render: ({ role }, view) => doc(p(...view.t.t("role.remove.done", { role }))),
});

export const roleOrder = command({
  name: "role order",
  es: "rol orden",
  group: "roles",
  summary: "role.order.summary",
  examples: { en: ["role order facilitator @ana @bo @cy"], es: ["rol orden facilitación @ana @bo @cy"] },
  level: Level.Moderator,
  params: { role: roleParam, people: param.people({ max: 50 }) },
  uses: ["jobs"],
  run({ role, people }, ctx) {
    const keys = people.map(memberKey);
    const existing = findRole(rotationNow(ctx).state, role);
    const members = existing ? rotationOrder(existing) : [];
    // Reordering only reorders: joining and leaving have their own commands, which say who moved.
    if (existing && members.length > 0) {
      const { missing, extra } = orderDifference(existing, keys);
      if (missing.length > 0 || extra.length > 0)
        return { refused: true as const, role: existing.name, members, missing, extra };
    }
    const { state, handovers } = changeRotation(ctx, (s, calendar) => setOrder(s, role, keys, ctx.now, calendar));
    // On a role nobody had joined, the order is who joins: the reply says so.
    return {
      refused: false as const,
      role: findRole(state, role)?.name ?? role,
      people,
      joined: members.length === 0,
      handovers,
    };
  },
  render(result, view) {
    const { t } = view;
    if (result.refused) {
      const { role, members, missing, extra } = result;
      const people = (keys: string[]) => keys.map((key) => view.personOf(key));
      const hint = (name: CommandName, keys: string[]) => view.hint(name, { role, member: mentionOf(keys[0] ?? "") });
      return doc(
        p(...t.t("role.order.refused", { role, members: people(members) })),
        ...(extra.length > 0
          ? [p(...t.t("role.order.extra", { role, people: people(extra), join: hint("role join", extra) }))]
          : []),
        ...(missing.length > 0
          ? [p(...t.t("role.order.missing", { role, people: people(missing), leave: hint("role leave", missing) }))]
          : []),
      );
    }
    const { role, people, joined, handovers } = result;
    return withHandovers(
      p(...t.t(joined ? "role.order.joined" : "role.order.done", { role, people })),
      handovers,
      view,
    );
  },
});

export const roleJoin = command({
  name: "role join",
  es: "rol unirme",
  aliases: ["rol unirse"],
  group: "roles",
  summary: "role.join.summary",
  examples: {
    en: ["role join facilitator", "role join treasurer @bo"],
    es: ["rol unirme facilitación", "rol unirme tesorería @bo"],
  },
  level: Level.Member,
  params: { role: roleParam, member: param.person({ optional: true }) },
  uses: ["jobs"],
  run({ role, member: named }, ctx) {
    const who = actingFor(named, ctx, ctx.hint("role join", { role }));
    const { state, handovers } = changeRotation(ctx, (s) => joinRole(s, role, memberKey(who)));
    const found = findRole(state, role);
    const holds = found?.holder === memberKey(who);
    // The joiner taking a vacant role is the reply itself; any other change (someone giving way) is said.
    const others = handovers.filter(
      (h) => !(h.reason === "start" && h.role === found?.name && h.to === memberKey(who)),
    );
    return { role: found?.name ?? role, who, holds, handovers: others };
  },
  render: ({ role, who, holds, handovers }, view) =>
    withHandovers(p(...view.t.t(holds ? "role.join.holds" : "role.join.done", { role, who })), handovers, view),
});

export const roleLeave = command({
  name: "role leave",
  es: "rol dejar",
  group: "roles",
  summary: "role.leave.summary",
  examples: {
    en: ["role leave facilitator", "role leave treasurer @bo"],
    es: ["rol dejar facilitación", "rol dejar tesorería @bo"],
  },
  level: Level.Member,
  params: { role: roleParam, member: param.person({ optional: true }) },
  uses: ["jobs"],
  run({ role, member: named }, ctx) {
    const who = actingFor(named, ctx, ctx.hint("role leave", { role }));
    const { state, handovers } = changeRotation(ctx, (s, calendar) =>
      leaveRole(s, role, memberKey(who), ctx.now, calendar),
    );
    return { role: findRole(state, role)?.name ?? role, who, handovers };
  },
  render: ({ role, who, handovers }, view) =>
    withHandovers(p(...view.t.t("role.leave.done", { role, who })), handovers, view),
});

export const rolesCommands = [roles, roleAdd, roleRemove, roleOrder, roleJoin, roleLeave];
