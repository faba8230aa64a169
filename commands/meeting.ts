import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { doc, p } from "../src/core/doc.js";
import { UserError } from "../src/core/errors.js";
import { Level } from "../src/core/level.js";
import type { Rule } from "../src/domain/time/recurrence.js";
import { formatLocalDateTime } from "../src/domain/time/local-time.js";
import { parseTimeOfDay, parseWeekday, parseWhen } from "../src/domain/time/natural.js";
import { formatWhen } from "../src/scheduler/posts/format.js";
import { OPENER_KIND, OPENER_LEAD_MINUTES } from "../src/scheduler/posts/meeting.js";
import { scheduleJob } from "../src/scheduler/schedule.js";
import { jobsRepo } from "../src/store/jobs.js";
import { whenError } from "./when-errors.js";

/** "weekly thursday 19:00" / "semanal jueves 19:00", or a one-off "friday 18:00". */
function meetingRule(text: string, zone: string, now: number, ctx: Parameters<typeof whenError>[2]): Rule {
  const weekly = /^(weekly|every|semanal|cada)\s+(\S+)\s+(\S+)$/i.exec(text.trim());
  if (weekly) {
    const weekday = parseWeekday(weekly[2] ?? "");
    const clock = parseTimeOfDay(weekly[3] ?? "");
    if (weekday === undefined || clock === undefined) throw new UserError("meeting.bad", { found: text });
    return { kind: "weekly", weekday, time: `${String(clock.hour).padStart(2, "0")}:${String(clock.minute).padStart(2, "0")}` };
  }
  const once = parseWhen(text.replace(/^(once|una vez)\s+/i, ""), { zone, nowUtc: now });
  if (!once.ok) throw whenError(once.error, text, ctx);
  return { kind: "once", at: formatLocalDateTime(once.value.local) };
}

export const meeting = defineCommand({
  name: "meeting",
  aliases: ["reunion", "reunión"],
  group: "meeting",
  summary: "meeting.summary",
  examples: ["meeting weekly thursday 19:00", "meeting friday 18:00"],
  level: Level.Moderator,
  params: [{ name: "when", kind: "rest" }],
  args: z.object({ when: z.string().min(1).max(60) }),
  run({ when }, ctx) {
    const rule = meetingRule(when, ctx.settings.timezone, ctx.now, ctx);
    const job = scheduleJob(ctx.db, { roomId: ctx.roomId, kind: OPENER_KIND, rule, zone: ctx.settings.timezone, offsetMinutes: -OPENER_LEAD_MINUTES }, ctx.now);
    if (job.nextRunUtc === null) throw new UserError("meeting.too_soon", { minutes: OPENER_LEAD_MINUTES, opener: `${ctx.config.prefix}opener` });
    const meetingAt = job.nextRunUtc + OPENER_LEAD_MINUTES * 60_000;
    return doc(
      p(
        ...ctx.t.t(rule.kind === "weekly" ? "meeting.weekly" : "meeting.once", {
          when: formatWhen(meetingAt, ctx.settings.timezone, ctx.t.lang),
          minutes: OPENER_LEAD_MINUTES,
        }),
      ),
    );
  },
});

export const meetingCancel = defineCommand({
  name: "meeting cancel",
  aliases: ["reunion cancelar", "reunión cancelar"],
  group: "meeting",
  summary: "meeting.cancel.summary",
  examples: ["meeting cancel"],
  level: Level.Moderator,
  params: [],
  args: z.object({}),
  run(_args, ctx) {
    const repo = jobsRepo(ctx.db);
    const openers = repo.byKind(ctx.roomId, OPENER_KIND).filter((job) => job.nextRunUtc !== null);
    for (const job of openers) repo.delete(ctx.roomId, job.id);
    if (openers.length === 0) return doc(p(...ctx.t.t("meeting.cancel.none", { example: `${ctx.config.prefix}meeting weekly thursday 19:00` })));
    return doc(p(...ctx.t.t("meeting.cancel.done", { count: openers.length })));
  },
});

export const meetingCommands = [meeting, meetingCancel];
