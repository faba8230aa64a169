import { z } from "zod";
import { defineCommand } from "../src/core/command.js";
import { doc, p, type Block } from "../src/core/doc.js";
import { UserError } from "../src/core/errors.js";
import { Level } from "../src/core/level.js";
import { startBurst, startSlow, tempoView } from "../src/domain/tempo/index.js";
import { parseUntil } from "../src/domain/time/natural.js";
import { formatDay, formatWhen } from "../src/scheduler/posts/format.js";
import { roomRhythmRepo } from "../src/store/room-rhythm.js";
import { whenError } from "./when-errors.js";

export const tempo = defineCommand({
  name: "tempo",
  aliases: ["ritmo"],
  group: "tempo",
  summary: "tempo.summary",
  examples: ["tempo", "tempo burst until 2026-12-15", "tempo slow"],
  level: Level.Member,
  params: [
    { name: "phase", kind: "word", optional: true, choices: ["burst", "slow", "intenso", "calma"] },
    { name: "until", kind: "rest", optional: true },
  ],
  args: z.object({ phase: z.string().optional(), until: z.string().max(60).optional() }),
  run({ phase, until }, ctx) {
    const repo = roomRhythmRepo(ctx.db);
    const zone = ctx.settings.timezone;
    const blocks: Block[] = [];
    if (phase === "burst" || phase === "intenso") {
      let untilUtc: number | null = null;
      if (until) {
        const parsed = parseUntil(until, { zone, nowUtc: ctx.now });
        if (!parsed.ok) throw whenError(parsed.error, until.replace(/^(until|till|hasta)\s+/i, ""), ctx);
        untilUtc = parsed.value.utcMs;
      }
      const burst = startBurst(ctx.now, untilUtc);
      if (!burst.ok) throw new UserError("tempo.bad_until", { example: `${ctx.config.prefix}tempo burst until friday` });
      repo.setTempo(ctx.roomId, burst.state, ctx.now);
      blocks.push(p(...ctx.t.t(untilUtc === null ? "tempo.burst.open" : "tempo.burst.until", { until: untilUtc === null ? "" : formatDay(untilUtc - 1, zone, ctx.t.lang) })));
      if (burst.longerThanLunarMonth) blocks.push(p(...ctx.t.t("tempo.burst.too_long")));
    } else if (phase === "slow" || phase === "calma") {
      repo.setTempo(ctx.roomId, startSlow(ctx.now), ctx.now);
      blocks.push(p(...ctx.t.t("tempo.slow.done")));
    }
    const view = tempoView(repo.tempo(ctx.roomId, ctx.now), ctx.now);
    blocks.push(p(...ctx.t.t(`tempo.show.${view.phase}${view.lastedDays === 0 ? ".today" : ""}`, { count: view.lastedDays, since: formatDay(view.sinceUtc, zone, ctx.t.lang) })));
    if (view.phase === "burst" && view.untilUtc !== null) blocks.push(p(...ctx.t.t("tempo.show.until", { until: formatDay(view.untilUtc - 1, zone, ctx.t.lang) })));
    if (!phase && view.burstTooLong) blocks.push(p(...ctx.t.t("tempo.burst.too_long")));
    blocks.push(p(...ctx.t.t("tempo.moons", { newMoon: formatWhen(view.nextNewMoonUtc, zone, ctx.t.lang), fullMoon: formatWhen(view.nextFullMoonUtc, zone, ctx.t.lang) })));
    return doc(...blocks);
  },
});

export const tempoCommands = [tempo];
