import {
  type Block,
  type CommandContext,
  commandsOf,
  doc,
  Level,
  p,
  param,
  type RenderContext,
  UserError,
} from "../../src/kernel/authoring.js";
import { formatDay, formatWhen } from "../../src/kernel/time/format.js";
import { addDuration, isTooFar, parseDuration, parseUntil } from "../../src/kernel/time/natural.js";
import { whenContextOf } from "../../src/kernel/time/read.js";
import { durationError, whenError } from "../../src/kernel/time/when-errors.js";
import { startBurst, startSlow, tempoView, type TempoView } from "./rules/index.js";
import type { RoomRhythm } from "./services.js";
import { burstKernelBlocks, type BurstKernel } from "../lessons/index.js";

const command = commandsOf<RoomRhythm>();

const phase = param.choice({ burst: ["intenso"], slow: ["calma"] }, { optional: true });

/** What the command changed, if anything; the room's tempo is shown after it either way. */
type Change = { phase: "burst"; untilUtc: number | null; longerThanLunarMonth: boolean } | { phase: "slow" };

interface TempoResult {
  change: Change | undefined;
  tempo: TempoView;
  /** The lessons of the previous burst, carried into the one starting now. */
  kernel?: BurstKernel;
}

/**
 * Only a burst takes an end. Any other words are a mistake to show, not something to guess at:
 * `!tempo fast` must not quietly show the tempo, nor `!tempo until friday` start anything.
 */
function refuseStrayWords(chosen: "burst" | "slow" | undefined, words: string): never {
  if (chosen) throw new UserError("error.arg.extra", { found: words }, true);
  const found = words.split(/\s+/)[0] ?? words;
  throw new UserError("error.arg.choice", { found, choices: Object.keys(phase.choices ?? {}).join(", ") }, true);
}

/** "until friday", "hasta el 4 dic", or a length: "for 2 weeks", "durante 2 semanas". */
function burstEnd(until: string, ctx: CommandContext<RoomRhythm>): number {
  const zone = ctx.settings.timezone;
  const length = /^(?:for|durante)\s+(.+)$/i.exec(until.trim())?.[1];
  if (length !== undefined) {
    const duration = parseDuration(length);
    if (!duration.ok) throw durationError(duration.error, length);
    const end = addDuration(zone, ctx.now, duration.value);
    // Unreachable through parseDuration's own bound, kept so a burst can never end beyond what calendars plan.
    if (isTooFar(end, ctx.now)) throw durationError({ code: "too-long" }, length);
    return end;
  }
  const parsed = parseUntil(until, whenContextOf(ctx));
  if (!parsed.ok) throw whenError(parsed.error, until.replace(/^(until|till|hasta)\s+/i, ""), ctx);
  return parsed.value.utcMs;
}

function startBurstUntil(until: string | undefined, ctx: CommandContext<RoomRhythm>): Change {
  const untilUtc = until ? burstEnd(until, ctx) : null;
  const burst = startBurst(ctx.now, untilUtc);
  if (!burst.ok)
    throw new UserError("tempo.bad_until", {
      example: ctx.hint("tempo", { phase: "burst", until: ctx.t.text("tempo.example.until") }),
    });
  ctx.slice.setTempo(ctx.roomId, burst.value.state, ctx.now);
  return { phase: "burst", untilUtc, longerThanLunarMonth: burst.value.longerThanLunarMonth };
}

function renderTempo({ change, tempo }: TempoResult, view: RenderContext): Block[] {
  const zone = view.settings.timezone;
  const { t } = view;
  const day = (utcMs: number) => formatDay(utcMs, zone, t.lang, view.now);
  const blocks: Block[] = [];
  if (change?.phase === "burst") {
    // A burst "until Tuesday" ends at the midnight after it: name the last day, not the next one.
    blocks.push(
      p(
        ...t.t(change.untilUtc === null ? "tempo.burst.open" : "tempo.burst.until", {
          until: change.untilUtc === null ? "" : day(change.untilUtc - 1),
        }),
      ),
    );
    if (change.longerThanLunarMonth) blocks.push(p(...t.t("tempo.burst.too_long")));
  } else if (change?.phase === "slow") {
    blocks.push(p(...t.t("tempo.slow.done")));
  }
  blocks.push(
    p(
      ...t.t(`tempo.show.${tempo.phase}${tempo.lastedDays === 0 ? ".today" : ""}`, {
        count: tempo.lastedDays,
        since: day(tempo.sinceUtc),
      }),
    ),
  );
  if (tempo.phase === "burst" && tempo.untilUtc !== null)
    blocks.push(p(...t.t("tempo.show.until", { until: day(tempo.untilUtc - 1) })));
  // Just asked, not started: the gentle warning is still worth saying about a burst that runs on.
  if (!change && tempo.burstTooLong) blocks.push(p(...t.t("tempo.burst.too_long")));
  blocks.push(
    p(
      ...t.t("tempo.moons", {
        newMoon: formatWhen(tempo.nextNewMoonUtc, zone, t.lang, view.now),
        fullMoon: formatWhen(tempo.nextFullMoonUtc, zone, t.lang, view.now),
      }),
    ),
  );
  return blocks;
}

export const tempo = command({
  name: "tempo",
  es: "ritmo",
  group: "tempo",
  summary: "tempo.summary",
  examples: {
    en: ["tempo", "tempo burst until 2026-12-15", "tempo burst for 2 weeks", "tempo slow"],
    es: ["ritmo", "ritmo intenso hasta 2026-12-15", "ritmo intenso durante 2 semanas", "ritmo calma"],
  },
  level: Level.Member,
  params: { phase, until: param.rest({ max: 60, optional: true }) },
  run({ phase: chosen, until }, ctx): TempoResult {
    if (until !== undefined && chosen !== "burst") refuseStrayWords(chosen, until);
    let change: Change | undefined;
    if (chosen === "burst") change = startBurstUntil(until, ctx);
    if (chosen === "slow") {
      ctx.slice.setTempo(ctx.roomId, startSlow(ctx.now), ctx.now);
      change = { phase: "slow" };
    }
    const kernel = chosen === "burst" ? ctx.slice.lessons.burstStarted(ctx.roomId, ctx.now) : undefined;
    return { change, tempo: tempoView(ctx.slice.tempo(ctx.roomId, ctx.now), ctx.now), kernel };
  },
  render: (result, view) => doc(...renderTempo(result, view), ...burstKernelBlocks(result.kernel, view)),
});

export const tempoCommands = [tempo];
