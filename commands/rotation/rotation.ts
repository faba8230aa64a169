import { commandsOf } from "../../src/kernel/command.js";
import { doc, list, listing, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { formatDay, formatWhen } from "../../src/kernel/time/format.js";
import { memberKey } from "../../src/kernel/mentions.js";
import { parseTimeOfDay, parseWeekday } from "../../src/kernel/time/natural.js";
import { moveAnnouncement } from "./announcement.js";
import { changeRotation, roleParam, rotationNow } from "./common.js";
import { handoverLine, withHandovers } from "./render.js";
import { findRole, replanTerms, roleHistory, skipTurn, swapTurns } from "./rules/index.js";
import type { RotationSlice } from "./services.js";

const command = commandsOf<RotationSlice>();

export const rotationSkip = command({
  name: "rotation skip",
  es: "rotación saltar",
  aliases: ["rotacion saltar"],
  group: "roles",
  summary: "rotation.skip.summary",
  examples: { en: ["rotation skip facilitator"], es: ["rotación saltar facilitación"] },
  level: Level.Member,
  params: { role: roleParam },
  uses: ["jobs"],
  run({ role }, ctx) {
    const before = findRole(rotationNow(ctx).state, role);
    // The holder may pass the role on; anyone else needs a moderator, so nobody is pushed out.
    if (before && before.holder !== memberKey(ctx.sender) && ctx.level < Level.Moderator) {
      throw new UserError("rotation.skip.not_holder", {
        role: before.name,
        skip: ctx.hint("rotation skip", { role: before.name }),
      });
    }
    return changeRotation(ctx, (s, calendar) => skipTurn(s, role, ctx.now, calendar)).handovers;
  },
  render: (handovers, view) => doc(list(handovers.map((h) => handoverLine(h, view)))),
});

export const rotationSwap = command({
  name: "rotation swap",
  es: "rotación cambiar",
  aliases: ["rotacion cambiar"],
  group: "roles",
  summary: "rotation.swap.summary",
  examples: { en: ["rotation swap facilitator @ana @bo"], es: ["rotación cambiar facilitación @ana @bo"] },
  level: Level.Member,
  params: { role: roleParam, people: param.people({ min: 2, max: 2 }) },
  uses: ["jobs"],
  run({ role, people: [a, b] }, ctx) {
    if (!a || !b) throw new Error("the people parameter binds exactly two");
    const involved = [memberKey(a), memberKey(b)].includes(memberKey(ctx.sender));
    if (!involved && ctx.level < Level.Moderator) throw new UserError("rotation.swap.not_involved");
    const { state, handovers } = changeRotation(ctx, (s) => swapTurns(s, role, memberKey(a), memberKey(b), ctx.now));
    return { role: findRole(state, role)?.name ?? role, a, b, handovers };
  },
  render: ({ role, a, b, handovers }, view) =>
    withHandovers(p(...view.t.t("rotation.swap.done", { role, a, b })), handovers, view),
});

/** How many past terms `!rotation history` shows. */
const HISTORY_SHOWN = 12;

export const rotationHistory = command({
  name: "rotation history",
  es: "rotación historial",
  aliases: ["rotacion historial"],
  group: "roles",
  summary: "rotation.history.summary",
  examples: { en: ["rotation history facilitator"], es: ["rotación historial facilitación"] },
  level: Level.Member,
  params: { role: roleParam },
  uses: ["jobs"],
  run({ role }, ctx) {
    const { state } = rotationNow(ctx);
    return { role, found: findRole(state, role)?.name, past: roleHistory(state, role, HISTORY_SHOWN) };
  },
  render({ role, found, past }, view) {
    const { t } = view;
    if (past.length === 0)
      return doc(
        p(
          ...t.t(found ? "rotation.history.empty" : "rotation.error.unknown-role", { role, roles: view.hint("roles") }),
        ),
      );
    const day = (utcMs: number) => formatDay(utcMs, view.settings.timezone, t.lang, view.now);
    return listing(
      doc(
        p(...t.t("rotation.history.title", { role: found ?? role })),
        list(
          past.map((h) =>
            t.t(`rotation.history.line.${h.ended}`, {
              who: view.personOf(h.member),
              from: day(h.fromUtc),
              to: day(h.toUtc),
            }),
          ),
        ),
      ),
    );
  },
});

export const rotationAnnounce = command({
  name: "rotation announce",
  es: "rotación anuncio",
  aliases: ["rotacion anuncio"],
  group: "roles",
  summary: "rotation.announce.summary",
  examples: {
    en: ["rotation announce monday 09:00", "rotation announce lunes 9:30"],
    es: ["rotación anuncio lunes 9:30", "rotación anuncio martes 08:00"],
  },
  level: Level.Moderator,
  params: { day: param.word({ max: 20 }), time: param.word({ max: 10 }) },
  uses: ["jobs"],
  run({ day, time }, ctx) {
    const weekday = parseWeekday(day);
    const clock = parseTimeOfDay(time);
    if (weekday === undefined || clock === undefined)
      throw new UserError("rotation.announce.bad", { found: `${day} ${time}` });
    const hhmm = `${String(clock.hour).padStart(2, "0")}:${String(clock.minute).padStart(2, "0")}`;
    const next = moveAnnouncement(ctx.jobs, { kind: "weekly", weekday, time: hhmm });
    // Terms end at announcements, so running terms are re-planned on the new calendar.
    changeRotation(ctx, (s, calendar) => replanTerms(s, calendar));
    return { next, hhmm };
  },
  render: ({ next, hhmm }, view) =>
    doc(
      p(
        ...view.t.t("rotation.announce.done", {
          when: next !== null ? formatWhen(next, view.settings.timezone, view.t.lang, view.now) : hhmm,
        }),
      ),
    ),
});

export const rotationCommands = [rotationSkip, rotationSwap, rotationHistory, rotationAnnounce];
