import { commandsOf } from "../../src/kernel/command.js";
import { doc, list, p } from "../../src/kernel/doc.js";
import { Level } from "../../src/kernel/level.js";
import { formatDay, formatWhen } from "../../src/kernel/time/format.js";
import { formatLocalDate, parseLocalDateTime, resolveLocal, toLocal } from "../../src/kernel/time/local-time.js";
import { nextHeld, skippedDays } from "./occurrences.js";
import { OPENER_KIND } from "./posts.js";
import type { MeetingSlice } from "./services.js";

const command = commandsOf<MeetingSlice>();

export const meetingList = command({
  name: "meetings",
  es: "reuniones",
  group: "meeting",
  summary: "meetings.summary",
  examples: { en: ["meetings"], es: ["reuniones"] },
  level: Level.Member,
  params: {},
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
