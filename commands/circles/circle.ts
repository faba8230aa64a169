import { commandsOf } from "../../src/kernel/command.js";
import { doc, p } from "../../src/kernel/doc.js";
import { UserError } from "../../src/kernel/errors.js";
import { Level } from "../../src/kernel/level.js";
import { param } from "../../src/kernel/params.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import { parseTimeOfDay, parseWeekday } from "../../src/kernel/time/natural.js";
import { INVITE_KIND, INVITE_LEAD_MINUTES } from "./posts.js";
import { hostOrder } from "./rules/index.js";
import type { CircleSlice } from "./services.js";

const command = commandsOf<CircleSlice>();
const pad = (n: number) => String(n).padStart(2, "0");

export const schedule = command({
  name: "circle weekly",
  es: "círculo semanal",
  aliases: ["circulo semanal", "circle semanal", "círculo weekly"],
  group: "circle",
  summary: "circle.weekly.summary",
  examples: { en: ["circle weekly tuesday 19:00"], es: ["círculo semanal martes 19:00"] },
  level: Level.Moderator,
  params: { day: param.word({ max: 20 }), time: param.word({ max: 10 }) },
  uses: ["jobs"],
  // One circle per room: scheduling again moves it.
  run({ day: weekday, time }, ctx) {
    const day = parseWeekday(weekday);
    const clock = parseTimeOfDay(time);
    if (day === undefined || clock === undefined)
      throw new UserError("circle.bad", {
        found: `${weekday} ${time}`,
        example: ctx.hint("circle weekly", { day: ctx.t.text("circle.example.day"), time: "19:00" }),
      });
    const job = ctx.jobs.upsert({
      kind: INVITE_KIND,
      rule: { kind: "weekly", weekday: day, time: `${pad(clock.hour)}:${pad(clock.minute)}` },
      offsetMinutes: -INVITE_LEAD_MINUTES,
    });
    return { circleAt: (job.nextRunUtc as number) + INVITE_LEAD_MINUTES * 60_000 };
  },
  render: ({ circleAt }, view) =>
    doc(
      p(
        ...view.t.t("circle.scheduled", {
          when: formatWhen(circleAt, view.settings.timezone, view.t.lang, view.now),
          join: view.hint("circle join"),
        }),
      ),
    ),
});

export const stop = command({
  name: "circle stop",
  es: "círculo parar",
  aliases: ["circulo parar"],
  group: "circle",
  summary: "circle.stop.summary",
  examples: { en: ["circle stop"], es: ["círculo parar"] },
  level: Level.Moderator,
  params: {},
  uses: ["jobs"],
  run: (_args, ctx) => ({ stopped: ctx.jobs.byKind(INVITE_KIND).filter((job) => ctx.jobs.delete(job.id)).length > 0 }),
  render: ({ stopped }, view) =>
    doc(
      p(
        ...view.t.t(stopped ? "circle.stopped" : "circle.none", {
          schedule: view.hint("circle weekly", { day: view.t.text("circle.example.day"), time: "19:00" }),
        }),
      ),
    ),
});

export const join = command({
  name: "circle join",
  es: "círculo unirme",
  aliases: ["circulo unirme", "circle unirme"],
  group: "circle",
  summary: "circle.join.summary",
  examples: { en: ["circle join"], es: ["círculo unirme"] },
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ({ joined: ctx.slice.repo.join(ctx.roomId, ctx.sender.userId, ctx.now) }),
  render: ({ joined }, view) =>
    doc(p(...view.t.t(joined ? "circle.joined" : "circle.already_in", { leave: view.hint("circle leave") }))),
});

export const leave = command({
  name: "circle leave",
  es: "círculo salir",
  aliases: ["circulo salir", "circle salir"],
  group: "circle",
  summary: "circle.leave.summary",
  examples: { en: ["circle leave"], es: ["círculo salir"] },
  level: Level.Member,
  params: {},
  run: (_args, ctx) => ({ left: ctx.slice.repo.leave(ctx.roomId, ctx.sender.userId) }),
  render: ({ left }, view) =>
    doc(p(...view.t.t(left ? "circle.left" : "circle.not_in", { join: view.hint("circle join") }))),
});

export const show = command({
  name: "circle",
  es: "círculo",
  aliases: ["circulo"],
  group: "circle",
  summary: "circle.summary",
  examples: { en: ["circle"], es: ["círculo"] },
  level: Level.Member,
  params: {},
  uses: ["jobs"],
  run(_args, ctx) {
    const job = ctx.jobs.active().find((j) => j.kind === INVITE_KIND);
    const order = hostOrder(ctx.slice.repo.members(ctx.roomId)).map((m) => m.userId);
    return { circleAt: job?.nextRunUtc ? job.nextRunUtc + INVITE_LEAD_MINUTES * 60_000 : null, order };
  },
  render({ circleAt, order }, view) {
    const { t } = view;
    const hint = {
      schedule: view.hint("circle weekly", { day: t.text("circle.example.day"), time: "19:00" }),
      join: view.hint("circle join"),
    };
    const blocks = [
      p(
        ...t.t(circleAt === null ? "circle.show.unscheduled" : "circle.show.next", {
          ...hint,
          when: circleAt === null ? "" : formatWhen(circleAt, view.settings.timezone, t.lang, view.now),
        }),
      ),
    ];
    if (order.length === 0) blocks.push(p(...t.t("circle.show.nobody", hint)));
    else blocks.push(p(...t.t("circle.show.host", { host: view.personOf(order[0]!), count: order.length })));
    blocks.push(p(...t.t("circle.format")));
    return doc(...blocks);
  },
});

export const circleCommands = [show, schedule, stop, join, leave];
