import { commandsOf } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { formatDay, formatWhen } from "../../src/kernel/time/format.js";
import { memberKey } from "../../src/kernel/mentions.js";
import { parseUntil } from "../../src/kernel/time/natural.js";
import { whenContextOf } from "../../src/kernel/time/read.js";
import { whenError } from "../../src/kernel/time/when-errors.js";
import { actingFor, changeRotation, rotationNow } from "./common.js";
import { withHandovers } from "./render.js";
import { endAway, setAway } from "./rules/index.js";
import type { RotationSlice } from "./services.js";

const command = commandsOf<RotationSlice>();

export const away = command({
  name: "away",
  es: "ausente",
  aliases: ["fuera"],
  group: "roles",
  summary: "away.summary",
  examples: {
    en: ["away until 2026-12-20", "away until friday", "away @bo until friday"],
    es: ["ausente hasta 2026-12-20", "ausente hasta el viernes", "ausente @bo hasta el viernes"],
  },
  level: Level.Member,
  params: { member: param.person({ optional: true }), until: param.rest({ max: 60 }) },
  uses: ["jobs"],
  run({ member: named, until }, ctx) {
    const who = actingFor(named, ctx, ctx.hint("away", { until: ctx.t.text("away.example_until") }));
    const parsed = parseUntil(until, whenContextOf(ctx));
    if (!parsed.ok) throw whenError(parsed.error, until.replace(/^(until|till|hasta)\s+/i, ""), ctx);
    const { handovers } = changeRotation(ctx, (state) => setAway(state, memberKey(who), ctx.now, parsed.value.utcMs));
    return { who, backUtc: parsed.value.utcMs, wholeDay: parsed.value.lastDay !== undefined, handovers };
  },
  render({ who, backUtc, wholeDay, handovers }, view) {
    const back = (wholeDay ? formatDay : formatWhen)(backUtc, view.settings.timezone, view.t.lang, view.now);
    return withHandovers(p(...view.t.t("away.done", { who, back, early: view.hint("back") })), handovers, view);
  },
});

export const back = command({
  name: "back",
  es: "vuelvo",
  aliases: ["away back", "de vuelta", "ausente fin"],
  group: "roles",
  summary: "back.summary",
  examples: { en: ["back", "back @bo"], es: ["vuelvo", "vuelvo @bo"] },
  level: Level.Member,
  params: { member: param.person({ optional: true }) },
  uses: ["jobs"],
  run({ member: named }, ctx) {
    const who = actingFor(named, ctx, ctx.hint("back"));
    const key = memberKey(who);
    if (!rotationNow(ctx).state.away.some((a) => a.member === key)) return { who, wasAway: false, handovers: [] };
    // Coming back may fill a role nobody could take while they were away.
    const { handovers } = changeRotation(ctx, (s) => endAway(s, key, ctx.now));
    return { who, wasAway: true, handovers };
  },
  render: ({ who, wasAway, handovers }, view) =>
    wasAway
      ? withHandovers(p(...view.t.t("back.done", { who })), handovers, view)
      : doc(p(...view.t.t("back.not_away", { who }))),
});

export const awayCommands = [away, back];
