import { commandsOf, type CommandContext } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import type { Job } from "../../src/kernel/scheduler/jobs.js";
import { formatDay } from "../../src/kernel/time/format.js";
import { formatLocalDate, toLocal, type LocalDate } from "../../src/kernel/time/local-time.js";
import { parseWhen } from "../../src/kernel/time/natural.js";
import { whenContextOf } from "../../src/kernel/time/read.js";
import { whenError } from "../../src/kernel/time/when-errors.js";
import { meetingOn, skippedDays } from "./occurrences.js";
import { OPENER_KIND } from "./posts.js";
import type { MeetingSlice } from "./services.js";

const command = commandsOf<MeetingSlice>();
type Ctx = CommandContext<MeetingSlice>;

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
