import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { doc, p } from "../src/core/doc.js";
import { UserError } from "../src/core/errors.js";
import { Level } from "../src/core/level.js";
import { addRole, findRole, joinRole, leaveRole, removeRole, setOrder } from "../src/domain/rotation/index.js";
import { memberKey } from "../src/scheduler/posts/format.js";
import { currentRotation, ensureAnnouncement, rolesBlocks } from "../src/scheduler/posts/rotation.js";
import { actingFor, changeRotation, handoverBlocks, scopeOf } from "./rotation-common.js";
import { personArg, roleNameArg } from "./args.js";

/** "every 2 weeks", "cada 3 semanas", "weekly" → weeks; undefined when unreadable. */
export function parseTerm(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === "") return 1;
  const normal = text.toLowerCase();
  const n = /(\d+)/.exec(normal);
  if (n && /(week|semana|wk)/.test(normal)) return Number(n[1]);
  if (/^(every week|weekly|cada semana|semanal)$/.test(normal.trim())) return 1;
  return undefined;
}

export const roles = defineCommand({
  name: "roles",
  aliases: ["roles list"],
  group: "roles",
  summary: "roles.summary",
  examples: ["roles"],
  level: Level.Member,
  params: [],
  args: z.object({}),
  run(_args, ctx) {
    const { state, calendar } = currentRotation(ctx.db, ctx.roomId, ctx.settings.timezone, ctx.now);
    if (state.roles.length === 0) return doc(p(...ctx.t.t("roles.none", { example: `${ctx.config.prefix}role add facilitator every 2 weeks` })));
    return doc(p(...ctx.t.t("roles.title")), ...rolesBlocks(state, ctx.now, calendar, scopeOf(ctx)));
  },
});

export const roleAdd = defineCommand({
  name: "role add",
  aliases: ["rol añadir", "rol anadir"],
  group: "roles",
  summary: "role.add.summary",
  examples: ["role add facilitator every 2 weeks", "role add treasurer"],
  level: Level.Moderator,
  params: [
    { name: "role", kind: "word" },
    { name: "term", kind: "rest", optional: true },
  ],
  args: z.object({ role: roleNameArg, term: z.string().max(40).optional() }),
  run({ role, term }, ctx) {
    const weeks = parseTerm(term);
    if (weeks === undefined) throw new UserError("role.add.bad_term", { found: term ?? "" });
    changeRotation(ctx, (state) => addRole(state, role, weeks));
    ensureAnnouncement(ctx.db, ctx.roomId, ctx.settings.timezone, ctx.now);
    return doc(p(...ctx.t.t("role.add.done", { role, count: weeks, join: `${ctx.config.prefix}role join ${role}` })));
  },
});

export const roleRemove = defineCommand({
  name: "role remove",
  aliases: ["rol quitar"],
  group: "roles",
  summary: "role.remove.summary",
  examples: ["role remove spokesperson"],
  level: Level.Moderator,
  params: [{ name: "role", kind: "word" }],
  args: z.object({ role: roleNameArg }),
  run({ role }, ctx) {
    changeRotation(ctx, (state) => removeRole(state, role, ctx.now));
    return doc(p(...ctx.t.t("role.remove.done", { role })));
  },
});

export const roleOrder = defineCommand({
  name: "role order",
  aliases: ["rol orden"],
  group: "roles",
  summary: "role.order.summary",
  examples: ["role order facilitator @ana @bo @cy"],
  level: Level.Moderator,
  params: [
    { name: "role", kind: "word" },
    { name: "people", kind: "people" },
  ],
  args: z.object({ role: roleNameArg, people: z.array(personArg).min(1).max(50) }),
  run({ role, people }, ctx) {
    const { state, handovers } = changeRotation(ctx, (s, calendar) => setOrder(s, role, people.map(memberKey), ctx.now, calendar));
    const name = findRole(state, role)?.name ?? role;
    const blocks = [p(...ctx.t.t("role.order.done", { role: name, people }))];
    blocks.push(...handoverBlocks(handovers, ctx));
    return doc(...blocks);
  },
});

export const roleJoin = defineCommand({
  name: "role join",
  aliases: ["rol unirse"],
  group: "roles",
  summary: "role.join.summary",
  examples: ["role join facilitator", "role join treasurer @bo"],
  level: Level.Member,
  params: [
    { name: "role", kind: "word" },
    { name: "member", kind: "person", optional: true },
  ],
  args: z.object({ role: roleNameArg, member: personArg.optional() }),
  run({ role, member: named }, ctx) {
    const member = actingFor(named, ctx, `role join ${role}`);
    const { state } = changeRotation(ctx, (s) => joinRole(s, role, memberKey(member)));
    const name = findRole(state, role)?.name ?? role;
    const holds = findRole(state, role)?.holder === memberKey(member);
    return doc(p(...ctx.t.t(holds ? "role.join.holds" : "role.join.done", { role: name, who: member })));
  },
});

export const roleLeave = defineCommand({
  name: "role leave",
  aliases: ["rol dejar"],
  group: "roles",
  summary: "role.leave.summary",
  examples: ["role leave facilitator", "role leave treasurer @bo"],
  level: Level.Member,
  params: [
    { name: "role", kind: "word" },
    { name: "member", kind: "person", optional: true },
  ],
  args: z.object({ role: roleNameArg, member: personArg.optional() }),
  run({ role, member: named }, ctx) {
    const member = actingFor(named, ctx, `role leave ${role}`);
    const { state, handovers } = changeRotation(ctx, (s, calendar) => leaveRole(s, role, memberKey(member), ctx.now, calendar));
    const name = findRole(state, role)?.name ?? role;
    const blocks = [p(...ctx.t.t("role.leave.done", { role: name, who: member }))];
    blocks.push(...handoverBlocks(handovers, ctx));
    return doc(...blocks);
  },
});

export const rolesCommands = [roles, roleAdd, roleRemove, roleOrder, roleJoin, roleLeave];
