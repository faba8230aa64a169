import { type CommandContext, commandsOf, doc, Level, p, param, UserError } from "../../src/kernel/authoring.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import { parseTimeOfDay, parseWeekday, parseWhen } from "../../src/kernel/time/natural.js";
import type { Rule } from "../../src/kernel/time/recurrence.js";
import { whenError } from "../../src/kernel/time/when-errors.js";
import { offlineFlag } from "./assembly.js";
import { OPENER_KIND, OPENER_LEAD_MINUTES } from "./posts.js";
import type { MeetingSlice } from "./services.js";

const command = commandsOf<MeetingSlice>();

/** "weekly thursday 19:00" / "semanal jueves 19:00", or a one-off "friday 18:00". */
function meetingRule(text: string, ctx: CommandContext<MeetingSlice>): Rule {
  const weekly = /^(weekly|every|semanal|cada)\s+(\S+)\s+(\S+)$/i.exec(text.trim());
  if (weekly) {
    const weekday = parseWeekday(weekly[2] ?? "");
    const clock = parseTimeOfDay(weekly[3] ?? "");
    if (weekday === undefined || clock === undefined) throw new UserError("meeting.bad", { found: text });
    return { kind: "weekly", weekday, time: `${String(clock.hour).padStart(2, "0")}:${String(clock.minute).padStart(2, "0")}` };
  }
  const once = parseWhen(text.replace(/^(once|una vez)\s+/i, ""), { zone: ctx.settings.timezone, nowUtc: ctx.now, lang: ctx.t.lang });
  if (!once.ok) throw whenError(once.error, text, ctx);
  return { kind: "once", at: once.value.utcMs };
}

export const meeting = command({
  name: "meeting",
  es: "reunión",
  aliases: ["reunion"],
  group: "meeting",
  summary: "meeting.summary",
  examples: ["meeting weekly thursday 19:00", "meeting friday 18:00", "meeting weekly thursday 19:00 offline"],
  level: Level.Moderator,
  params: { when: param.rest({ max: 60 }) },
  run({ when }, ctx) {
    const { rest, offline } = offlineFlag(when);
    const rule = meetingRule(rest, ctx);
    const job = ctx.jobs.schedule({ kind: OPENER_KIND, rule, offsetMinutes: -OPENER_LEAD_MINUTES, payload: offline ? { offline: true } : {} });
    // Thrown inside the message's transaction: the job just planned is rolled back with it.
    if (job.nextRunUtc === null) throw new UserError("meeting.too_soon", { minutes: OPENER_LEAD_MINUTES, opener: ctx.hint("opener") });
    return { weekly: rule.kind === "weekly", meetingAt: job.nextRunUtc + OPENER_LEAD_MINUTES * 60_000, offline };
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
