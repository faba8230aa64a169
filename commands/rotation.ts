import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { doc, list, p } from "../src/core/doc.js";
import { UserError } from "../src/core/errors.js";
import { Level } from "../src/core/level.js";
import { findRole, replanTerms, roleHistory, skipTurn, swapTurns } from "../src/domain/rotation/index.js";
import { parseTimeOfDay, parseWeekday } from "../src/domain/time/natural.js";
import { formatDay, formatWhen, memberKey, personOf } from "../src/scheduler/posts/format.js";
import { ANNOUNCE_KIND, currentRotation, ensureAnnouncement, handoverLine } from "../src/scheduler/posts/rotation.js";
import { jobsRepo } from "../src/store/jobs.js";
import { changeRotation, handoverBlocks, scopeOf } from "./rotation-common.js";
import { personArg, roleNameArg } from "./args.js";

export const rotationSkip = defineCommand({
  name: "rotation skip",
  aliases: ["rotacion saltar", "rotación saltar"],
  group: "roles",
  summary: "rotation.skip.summary",
  examples: ["rotation skip facilitator"],
  level: Level.Member,
  params: [{ name: "role", kind: "word" }],
  args: z.object({ role: roleNameArg }),
  run({ role }, ctx) {
    const before = findRole(currentRotation(ctx.db, ctx.roomId, ctx.settings.timezone, ctx.now).state, role);
    // The holder may pass the role on; anyone else needs a moderator, so nobody is pushed out.
    if (before && before.holder !== memberKey(ctx.sender) && ctx.level < Level.Moderator) {
      throw new UserError("rotation.skip.not_holder", { role: before.name, skip: `${ctx.config.prefix}rotation skip ${before.name}` });
    }
    const { handovers } = changeRotation(ctx, (s, calendar) => skipTurn(s, role, ctx.now, calendar));
    return doc(list(handovers.map((h) => handoverLine(h, scopeOf(ctx)))));
  },
});

export const rotationSwap = defineCommand({
  name: "rotation swap",
  aliases: ["rotacion cambiar", "rotación cambiar"],
  group: "roles",
  summary: "rotation.swap.summary",
  examples: ["rotation swap facilitator @ana @bo"],
  level: Level.Member,
  params: [
    { name: "role", kind: "word" },
    { name: "people", kind: "people", min: 2 },
  ],
  args: z.object({ role: roleNameArg, people: z.array(personArg).length(2) }),
  run({ role, people }, ctx) {
    const [a, b] = people as [z.infer<typeof personArg>, z.infer<typeof personArg>];
    const involved = [memberKey(a), memberKey(b)].includes(memberKey(ctx.sender));
    if (!involved && ctx.level < Level.Moderator) throw new UserError("rotation.swap.not_involved");
    const { state, handovers } = changeRotation(ctx, (s) => swapTurns(s, role, memberKey(a), memberKey(b), ctx.now));
    const name = findRole(state, role)?.name ?? role;
    const blocks = [p(...ctx.t.t("rotation.swap.done", { role: name, a, b }))];
    blocks.push(...handoverBlocks(handovers, ctx));
    return doc(...blocks);
  },
});

export const rotationHistory = defineCommand({
  name: "rotation history",
  aliases: ["rotacion historial", "rotación historial"],
  group: "roles",
  summary: "rotation.history.summary",
  examples: ["rotation history facilitator"],
  level: Level.Member,
  params: [{ name: "role", kind: "word" }],
  args: z.object({ role: roleNameArg }),
  run({ role }, ctx) {
    const { state } = currentRotation(ctx.db, ctx.roomId, ctx.settings.timezone, ctx.now);
    const found = findRole(state, role);
    const past = roleHistory(state, role, 12);
    if (past.length === 0) return doc(p(...ctx.t.t(found ? "rotation.history.empty" : "rotation.error.unknown-role", { role })));
    const zone = ctx.settings.timezone;
    return doc(
      p(...ctx.t.t("rotation.history.title", { role: found?.name ?? role })),
      list(
        past.map((h) =>
          ctx.t.t(`rotation.history.line.${h.ended}`, {
            who: personOf(h.member, ctx.room, ctx.roomId),
            from: formatDay(h.fromUtc, zone, ctx.t.lang),
            to: formatDay(h.toUtc, zone, ctx.t.lang),
          }),
        ),
      ),
    );
  },
});

export const rotationAnnounce = defineCommand({
  name: "rotation announce",
  aliases: ["rotacion anuncio", "rotación anuncio"],
  group: "roles",
  summary: "rotation.announce.summary",
  examples: ["rotation announce monday 09:00", "rotation announce lunes 9:30"],
  level: Level.Moderator,
  params: [
    { name: "day", kind: "word" },
    { name: "time", kind: "word" },
  ],
  args: z.object({ day: z.string().max(20), time: z.string().max(10) }),
  run({ day, time }, ctx) {
    const weekday = parseWeekday(day);
    const clock = parseTimeOfDay(time);
    if (weekday === undefined || clock === undefined) throw new UserError("rotation.announce.bad", { found: `${day} ${time}` });
    const hhmm = `${String(clock.hour).padStart(2, "0")}:${String(clock.minute).padStart(2, "0")}`;
    ensureAnnouncement(ctx.db, ctx.roomId, ctx.settings.timezone, ctx.now, { kind: "weekly", weekday, time: hhmm });
    // Terms end at announcements, so running terms are re-planned on the new calendar.
    changeRotation(ctx, (s, calendar) => replanTerms(s, calendar));
    const next = jobsRepo(ctx.db).byKind(ctx.roomId, ANNOUNCE_KIND)[0]?.nextRunUtc;
    return doc(p(...ctx.t.t("rotation.announce.done", { when: next ? formatWhen(next, ctx.settings.timezone, ctx.t.lang) : hhmm })));
  },
});

export const rotationCommands = [rotationSkip, rotationSwap, rotationHistory, rotationAnnounce];
