import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { doc, p } from "../src/core/doc.js";
import { Level } from "../src/core/level.js";
import { endAway, setAway } from "../src/domain/rotation/index.js";
import { parseUntil } from "../src/domain/time/natural.js";
import { formatDay, formatWhen, memberKey } from "../src/scheduler/posts/format.js";
import { currentRotation } from "../src/scheduler/posts/rotation.js";
import { actingFor, changeRotation, handoverBlocks } from "./rotation-common.js";
import { whenError } from "./when-errors.js";
import { personArg } from "./args.js";

export const away = defineCommand({
  name: "away",
  aliases: ["ausente", "fuera"],
  group: "roles",
  summary: "away.summary",
  examples: ["away until 2026-12-20", "away until friday", "away @bo until friday"],
  level: Level.Member,
  params: [
    { name: "member", kind: "person", optional: true },
    { name: "until", kind: "rest" },
  ],
  args: z.object({ member: personArg.optional(), until: z.string().min(1).max(60) }),
  run({ member: named, until }, ctx) {
    const member = actingFor(named, ctx, "away until friday");
    const parsed = parseUntil(until, { zone: ctx.settings.timezone, nowUtc: ctx.now });
    if (!parsed.ok) throw whenError(parsed.error, until.replace(/^(until|till|hasta)\s+/i, ""), ctx);
    const { handovers } = changeRotation(ctx, (state) => setAway(state, memberKey(member), ctx.now, parsed.value.utcMs));
    const zone = ctx.settings.timezone;
    const back = parsed.value.lastDay ? formatDay(parsed.value.utcMs, zone, ctx.t.lang) : formatWhen(parsed.value.utcMs, zone, ctx.t.lang);
    const blocks = [p(...ctx.t.t("away.done", { who: member, back, early: `${ctx.config.prefix}back` }))];
    blocks.push(...handoverBlocks(handovers, ctx));
    return doc(...blocks);
  },
});

export const back = defineCommand({
  name: "back",
  aliases: ["away back", "vuelvo", "de vuelta", "ausente fin"],
  group: "roles",
  summary: "back.summary",
  examples: ["back", "back @bo"],
  level: Level.Member,
  params: [{ name: "member", kind: "person", optional: true }],
  args: z.object({ member: personArg.optional() }),
  run({ member: named }, ctx) {
    const member = actingFor(named, ctx, "back");
    const key = memberKey(member);
    const { state } = currentRotation(ctx.db, ctx.roomId, ctx.settings.timezone, ctx.now);
    if (!state.away.some((a) => a.member === key)) return doc(p(...ctx.t.t("back.not_away", { who: member })));
    // Coming back may fill a role nobody could take while they were away.
    const { handovers } = changeRotation(ctx, (s) => endAway(s, key, ctx.now));
    const blocks = [p(...ctx.t.t("back.done", { who: member }))];
    blocks.push(...handoverBlocks(handovers, ctx));
    return doc(...blocks);
  },
});

export const awayCommands = [away, back];
