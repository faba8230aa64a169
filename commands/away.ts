import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { doc, list, p } from "../src/core/doc.js";
import { UserError } from "../src/core/errors.js";
import { Level } from "../src/core/level.js";
import { setAway } from "../src/domain/rotation/index.js";
import { parseUntil } from "../src/domain/time/natural.js";
import { formatDay, formatWhen, memberKey } from "../src/scheduler/posts/format.js";
import { handoverLine } from "../src/scheduler/posts/rotation.js";
import { changeRotation, scopeOf } from "./rotation-common.js";
import { whenError } from "./when-errors.js";

const personSchema = z.object({ userId: z.string().optional(), name: z.string().min(1).max(100) });

export const away = defineCommand({
  name: "away",
  aliases: ["ausente", "fuera"],
  group: "rotation",
  summary: "away.summary",
  examples: ["away until 2026-12-20", "away @bo until friday"],
  level: Level.Member,
  params: [
    { name: "who", kind: "person", optional: true },
    { name: "until", kind: "rest" },
  ],
  args: z.object({ who: personSchema.optional(), until: z.string().min(1).max(60) }),
  run({ who, until }, ctx) {
    const member = who && who.userId !== ctx.sender.userId ? who : ctx.sender;
    if (member !== ctx.sender && ctx.level < Level.Moderator) throw new UserError("rotation.error.others_need_moderator");
    const parsed = parseUntil(until, { zone: ctx.settings.timezone, nowUtc: ctx.now });
    if (!parsed.ok) throw whenError(parsed.error, until.replace(/^(until|till|hasta)\s+/i, ""), ctx);
    const { handovers } = changeRotation(ctx, (state) => setAway(state, memberKey(member), ctx.now, parsed.value.utcMs));
    const zone = ctx.settings.timezone;
    const back = parsed.value.lastDay ? formatDay(parsed.value.utcMs, zone, ctx.t.lang) : formatWhen(parsed.value.utcMs, zone, ctx.t.lang);
    const blocks = [p(...ctx.t.t("away.done", { who: member, back }))];
    if (handovers.length > 0) blocks.push(list(handovers.map((h) => handoverLine(h, scopeOf(ctx)))));
    return doc(...blocks);
  },
});

export const awayCommands = [away];
