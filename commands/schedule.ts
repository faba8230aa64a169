import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { doc, list, p } from "../src/core/doc.js";
import { Level } from "../src/core/level.js";
import { formatWhen } from "../src/scheduler/posts/format.js";
import { replanRoom } from "../src/scheduler/schedule.js";
import { jobsRepo } from "../src/store/jobs.js";

export const schedule = defineCommand({
  name: "schedule",
  aliases: ["agenda"],
  group: "meeting",
  summary: "schedule.summary",
  examples: ["schedule"],
  level: Level.Member,
  params: [],
  args: z.object({}),
  run(_args, ctx) {
    // The room's zone may have just changed; show times the way they will really happen.
    replanRoom(ctx.db, ctx.roomId, ctx.settings.timezone, ctx.now);
    const jobs = jobsRepo(ctx.db).activeInRoom(ctx.roomId);
    if (jobs.length === 0) return doc(p(...ctx.t.t("schedule.empty")));
    return doc(
      p(...ctx.t.t("schedule.title", { zone: ctx.settings.timezone })),
      list(
        jobs.map((job) =>
          ctx.t.t(`schedule.kind.${job.kind}`, {
            when: formatWhen(job.nextRunUtc as number, ctx.settings.timezone, ctx.t.lang),
            plan: String(job.payload.plan ?? ""),
            repeats: ctx.t.text(job.rule.kind === "once" ? "schedule.once" : "schedule.repeats"),
          }),
        ),
      ),
    );
  },
});

export const scheduleCommands = [schedule];
