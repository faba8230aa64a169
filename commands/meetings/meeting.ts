import { type CommandContext, commandsOf, doc, Level, p, param, UserError } from "../../src/kernel/authoring.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import { parseWeekday, parseWhen } from "../../src/kernel/time/natural.js";
import { readWhen, whenContextOf } from "../../src/kernel/time/read.js";
import type { Rule } from "../../src/kernel/time/recurrence.js";
import { offlineFlag } from "./assembly.js";
import { planMeeting, planRefusal } from "./plan.js";
import { OPENER_LEAD_MINUTES } from "./posts.js";
import type { MeetingSlice } from "./services.js";

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
