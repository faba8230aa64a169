import { type CommandContext, commandsOf, doc, Level, list, p, param, UserError } from "../../src/kernel/authoring.js";
import { formatWhen, formatDay } from "../../src/kernel/time/format.js";
import { parseWeekday, parseWhen } from "../../src/kernel/time/natural.js";
import { readWhen, whenContextOf } from "../../src/kernel/time/read.js";
import type { Rule } from "../../src/kernel/time/recurrence.js";
import { offlineFlag } from "./assembly.js";
import { nextHeld, meetingOn, skippedDays } from "./occurrences.js";
import { planMeeting, planRefusal } from "./plan.js";
import { OPENER_KIND, OPENER_LEAD_MINUTES } from "./posts.js";
import type { MeetingSlice } from "./services.js";
import type { Job } from "../../src/kernel/scheduler/jobs.js";
import {
  formatLocalDate,
  toLocal,
  type LocalDate,
  parseLocalDateTime,
  resolveLocal,
} from "../../src/kernel/time/local-time.js";
import { whenError } from "../../src/kernel/time/when-errors.js";

const command = commandsOf<MeetingSlice>();

/**
 * "weekly thursday 19:00" / "semanal jueves 19:00" (also "every thursday at 7pm", "cada jueves a las
 * 19:00": a weekday and a time in any form the time reader knows), or a one-off "friday 18:00".
 */
function meetingRule(text: string, ctx: CommandContext<MeetingSlice>): Rule {
  const weekly = /^(weekly|every|semanal|cada)\s+(.+)$/i.exec(text.trim());
  if (weekly) {
    const words = (weekly[2] ?? "").split(/\s+/);
    const read = parseWhen(weekly[2] ?? "", whenContextOf(ctx));
    const weekday = words.map(parseWeekday).find((day) => day !== undefined);
    if (!read.ok || !read.value.hadTime || weekday === undefined) throw new UserError("meeting.bad", { found: text });
    const { hour, minute } = read.value.local;
    return { kind: "weekly", weekday, time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}` };
  }
  const once = readWhen(text.replace(/^(once|una vez)\s+/i, ""), ctx);
  return { kind: "once", at: once.utcMs };
}

export const meeting = command({
  name: "meeting",
  es: "reunión",
  aliases: ["reunion"],
  group: "meeting",
  summary: "meeting.summary",
  examples: {
    en: ["meeting weekly thursday 19:00", "meeting friday 18:00", "meeting weekly thursday 19:00 offline"],
    es: ["reunión semanal jueves 19:00", "reunión viernes 18:00", "reunión semanal jueves 19:00 sin móviles"],
  },
  level: Level.Moderator,
  params: { when: param.rest({ max: 60 }) },
  uses: ["jobs"],
  run({ when }, ctx) {
    const { rest, offline } = offlineFlag(when);
    const rule = meetingRule(rest, ctx);
    const planned = planMeeting(ctx.jobs, ctx.settings.timezone, rule, offline);
    if (!planned.ok) throw planRefusal(planned.error, ctx);
    const { meetingAt } = planned.value;
    return { weekly: rule.kind === "weekly", meetingAt, offline };
  },
  render: ({ weekly, meetingAt, offline }, view) =>
    doc(
      p(
        ...view.t.t(weekly ? "meeting.weekly" : "meeting.once", {
          when: formatWhen(meetingAt, view.settings.timezone, view.t.lang, view.now),
          minutes: OPENER_LEAD_MINUTES,
        }),
      ),
      ...(offline ? [p(...view.t.t("meeting.offline_noted"))] : []),
    ),
});

type Ctx = CommandContext<MeetingSlice, "jobs">;

const upcomingMeetings = (ctx: Ctx): Job[] => ctx.jobs.byKind(OPENER_KIND).filter((job) => job.nextRunUtc !== null);

/** The day typed ("2026-12-03", "thursday", "jueves"); today counts too, though its start has passed. */
function dayOf(text: string, ctx: Ctx): LocalDate {
  const zone = ctx.settings.timezone;
  const parsed = parseWhen(text, whenContextOf(ctx));
  if (parsed.ok) return parsed.value.local;
  const today = formatLocalDate(toLocal(zone, ctx.now));
  if (
    parsed.error.code === "past" &&
    parsed.error.wholeDay &&
    formatLocalDate(toLocal(zone, parsed.error.utcMs)) === today
  )
    return toLocal(zone, ctx.now);
  throw whenError(parsed.error, text, ctx);
}

/**
 * One day's meeting: a one-off meeting that day is removed; a weekly one skips that day only and
 * goes on the week after. Meetings already begun are left alone.
 */
function cancelDay(text: string, ctx: Ctx): { cancelled: number; day: number } {
  const day = dayOf(text, ctx);
  let cancelled = 0;
  let at = 0;
  for (const job of upcomingMeetings(ctx)) {
    const startsAt = meetingOn(job, day);
    if (startsAt === undefined || startsAt <= ctx.now) continue;
    at = startsAt;
    cancelled++;
    if (job.rule.kind === "once") {
      ctx.jobs.delete(job.id);
      continue;
    }
    const today = formatLocalDate(toLocal(ctx.settings.timezone, ctx.now));
    // Days already gone are dropped, so the list stays short.
    const skip = [...skippedDays(job).filter((d) => d >= today), formatLocalDate(day)];
    ctx.jobs.schedule({
      kind: job.kind,
      rule: job.rule,
      offsetMinutes: job.offsetMinutes,
      payload: { ...job.payload, skip: [...new Set(skip)].sort() },
    });
    ctx.jobs.delete(job.id);
  }
  if (cancelled === 0) throw new UserError("meeting.cancel.no_match", { found: text, list: ctx.hint("meetings") });
  return { cancelled, day: at };
}

export const meetingCancel = command({
  name: "meeting cancel",
  es: "reunión cancelar",
  aliases: ["reunion cancelar"],
  group: "meeting",
  summary: "meeting.cancel.summary",
  examples: {
    en: ["meeting cancel 2026-12-03", "meeting cancel"],
    es: ["reunión cancelar 2026-12-03", "reunión cancelar"],
  },
  level: Level.Moderator,
  params: { day: param.rest({ max: 40, optional: true }) },
  uses: ["jobs"],
  run({ day }, ctx) {
    if (day !== undefined) return cancelDay(day, ctx);
    const openers = upcomingMeetings(ctx);
    for (const job of openers) ctx.jobs.delete(job.id);
    return { cancelled: openers.length, day: undefined };
  },
  render({ cancelled, day }, view) {
    const { t, settings } = view;
    if (day !== undefined)
      return doc(
        p(
          ...t.t("meeting.cancel.day", {
            day: formatDay(day, settings.timezone, t.lang, view.now),
            list: view.hint("meetings"),
          }),
        ),
      );
    return cancelled === 0
      ? doc(p(...t.t("meeting.cancel.none", { example: view.hint("meeting", { when: t.text("meeting.example") }) })))
      : doc(p(...t.t("meeting.cancel.done", { count: cancelled })));
  },
});

export const meetingList = command({
  name: "meetings",
  es: "reuniones",
  group: "meeting",
  summary: "meetings.summary",
  examples: { en: ["meetings"], es: ["reuniones"] },
  level: Level.Member,
  params: {},
  uses: ["jobs"],
  // Active jobs are re-planned first: the room's zone may have just changed.
  run: (_args, ctx) =>
    ctx.jobs
      .active()
      .filter((job) => job.kind === OPENER_KIND)
      .map((job) => ({
        next: nextHeld(job),
        weekly: job.rule.kind === "weekly",
        // Noon of each skipped day: a safe instant to name the day in any zone.
        skipped: skippedDays(job).flatMap((day) => {
          const local = parseLocalDateTime(day);
          return local ? [resolveLocal(job.zone, { ...local, hour: 12, minute: 0 })] : [];
        }),
      }))
      .sort((a, b) => a.next - b.next),
  render(meetings, view) {
    const { t, settings } = view;
    if (meetings.length === 0)
      return doc(p(...t.t("meetings.none", { example: view.hint("meeting", { when: t.text("meeting.example") }) })));
    const line = (m: (typeof meetings)[number]) => {
      const next = formatWhen(m.next, settings.timezone, t.lang, view.now);
      if (!m.weekly) return t.t("meetings.line.once", { next });
      if (m.skipped.length === 0) return t.t("meetings.line.weekly", { next });
      return t.t("meetings.line.weekly_skipping", {
        next,
        days: m.skipped.map((d) => formatDay(d, settings.timezone, t.lang, view.now)).join(", "),
      });
    };
    return doc(
      p(...t.t("meetings.title")),
      list(meetings.map(line)),
      p(
        ...t.t("meetings.cancel_hint", {
          example: view.hint("meeting cancel", { day: formatLocalDate(toLocal(settings.timezone, meetings[0]!.next)) }),
        }),
      ),
    );
  },
});
