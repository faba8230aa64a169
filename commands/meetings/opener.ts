import { commandsOf } from "../../src/kernel/command.js";
import { Level } from "../../src/kernel/level.js";
import { renderOpener } from "./render.js";
import type { MeetingSlice } from "./services.js";
import type { TextKey } from "../../src/kernel/i18n/catalog.js";
import { doc, list, p } from "../../src/kernel/doc.js";
import type { Job } from "../../src/kernel/scheduler/jobs.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import { nextHeld, OPENER_LEAD_MINUTES } from "./occurrences.js";
import { OPENER_KIND } from "./posts.js";

const command = commandsOf<MeetingSlice>();

export const opener = command({
  name: "opener",
  es: "apertura",
  group: "meeting",
  summary: "opener.summary",
  examples: { en: ["opener"], es: ["apertura"] },
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ctx.slice.opener(ctx.roomId, ctx.now),
  render: renderOpener,
});

/** When the job posts next; a meeting cancelled for one day (`!meeting cancel`) posts nothing that day. */
const nextPost = (job: Job): number =>
  job.kind === OPENER_KIND ? nextHeld(job) - OPENER_LEAD_MINUTES * 60_000 : (job.nextRunUtc as number);

export const schedule = command({
  name: "schedule",
  es: "agenda",
  group: "meeting",
  summary: "schedule.summary",
  examples: { en: ["schedule"], es: ["agenda"] },
  level: Level.Member,
  params: {},
  uses: ["jobs"],
  // Active jobs are re-planned first: the room's zone may have just changed, and times show as they will really happen.
  run: (_args, ctx) =>
    ctx.jobs
      .active()
      .map((job) => ({
        kind: job.kind,
        at: nextPost(job),
        plan: String(job.payload.plan ?? ""),
        once: job.rule.kind === "once",
      }))
      .sort((a, b) => a.at - b.at),
  render(posts, view) {
    const { t, settings } = view;
    if (posts.length === 0) return doc(p(...t.t("schedule.empty")));
    return doc(
      p(...t.t("schedule.title", { zone: settings.timezone })),
      list(
        posts.map((post) =>
          // Job kinds are the features' post names; each has its line (test/kernel/registry.test.ts).
          t.t(`schedule.kind.${post.kind}` as TextKey, {
            when: formatWhen(post.at, settings.timezone, t.lang, view.now),
            plan: post.plan,
            repeats: t.text(post.once ? "schedule.once" : "schedule.repeats"),
          }),
        ),
      ),
    );
  },
});
