import {
  type CommandContext,
  commandsOf,
  doc,
  Level,
  orRefuse,
  p,
  param,
  UserError,
} from "../../src/kernel/authoring.js";
import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { excerpt } from "../../src/kernel/text-hygiene.js";
import { formatWhen } from "../../src/kernel/time/format.js";
import { resolveLocal, toLocal } from "../../src/kernel/time/local-time.js";
import { readUntil, readWhen } from "../../src/kernel/time/read.js";
import { offlineFlag } from "./assembly.js";
import { closeFind, FIND_CLOSE_KIND, type FindSlice, findRef, meetAt } from "./find-close.js";
import type { MeetingFind } from "./find-repository.js";
import { renderClosing, renderFindOpened } from "./find-render.js";
import { OPENER_LEAD_MINUTES } from "./occurrences.js";
import { planRefusal } from "./plan.js";

const command = commandsOf<FindSlice>();
type Ctx = CommandContext<FindSlice>;

const MINUTE = 60_000;
const MAX_SLOTS = 10;
const MAX_DAYS = 90;
const MIN_DEADLINE_MINUTES = 10;
const UNTIL = /\s+(?:until|hasta)\s+(.+)$/iu;

function mustGet(number: number, ctx: Ctx): MeetingFind {
  return orRefuse(ctx.slice.finds.get(ctx.roomId, number), () => new UserError("meeting.find.unknown", { n: number }));
}

/** "thursday 19:00 | friday 18:00 until wednesday 12:00": the slots, earliest first, each a time ahead. */
function readSlots(typed: string, ctx: Ctx): number[] {
  const parts = typed.split("|").map((s) => s.trim());
  if (parts.length < 2 || parts.length > MAX_SLOTS || parts.some((s) => s === ""))
    throw new UserError("meeting.find.count", {
      max: MAX_SLOTS,
      example: ctx.hint("meeting find", { slots: ctx.t.text("meeting.find.example") }),
    });
  const slots = parts.map((part) => {
    const when = readWhen(part, ctx);
    const found = excerpt(part, 40);
    if (!when.hadTime) throw new UserError("meeting.find.no_time", { found });
    if (when.utcMs - ctx.now < OPENER_LEAD_MINUTES * MINUTE)
      throw new UserError("meeting.find.too_soon", { found, minutes: OPENER_LEAD_MINUTES });
    if (when.utcMs - ctx.now > MAX_DAYS * 86_400_000)
      throw new UserError("meeting.find.too_far", { found, days: MAX_DAYS });
    return when.utcMs;
  });
  if (new Set(slots).size !== slots.length) throw new UserError("meeting.find.same");
  return slots.sort((a, b) => a - b);
}

/** The deadline, on a whole minute of the room's clock: at least 10 minutes ahead, and before the first slot's opener. */
function deadlineOf(until: string, first: number, ctx: Ctx): number {
  const zone = ctx.settings.timezone;
  const at = resolveLocal(zone, toLocal(zone, readUntil(until, ctx).utcMs));
  if (at - ctx.now < MIN_DEADLINE_MINUTES * MINUTE || at > first - OPENER_LEAD_MINUTES * MINUTE)
    throw new UserError("meeting.find.deadline", {
      min: MIN_DEADLINE_MINUTES,
      first: (view) => formatWhen(first, view.settings.timezone, view.t.lang, view.now),
    });
  return at;
}

export const meetingFind = command({
  name: "meeting find",
  es: "reunión buscar",
  group: "meeting",
  summary: "meeting.find.summary",
  examples: {
    en: [
      "meeting find thursday 19:00 | friday 18:00 | saturday 11:00",
      "meeting find thursday 19:00 | friday 18:00 until wednesday 12:00 offline",
    ],
    es: [
      "reunión buscar jueves 19:00 | viernes 18:00 | sábado 11:00",
      "reunión buscar jueves 19:00 | viernes 18:00 hasta miércoles 12:00 sin móviles",
    ],
  },
  level: Level.Moderator,
  params: { slots: param.rest({ max: 400 }) },
  uses: ["jobs"],
  run({ slots: typed }, ctx) {
    const { rest, offline } = offlineFlag(typed);
    let until: string | undefined;
    const text = rest.replace(UNTIL, (_all, words: string) => ((until = words.trim()), ""));
    const slots = readSlots(text, ctx);
    const closesAt = until === undefined ? null : deadlineOf(until, slots[0] as number, ctx);
    const find = ctx.slice.finds.open(ctx.roomId, slots, offline, ctx.now, closesAt);
    // Durable: the close survives restarts and runs once.
    if (closesAt !== null)
      ctx.jobs.schedule({
        kind: FIND_CLOSE_KIND,
        rule: { kind: "once", at: closesAt },
        ref: findRef(find.number),
        payload: { find: find.number },
      });
    return find;
  },
  render: renderFindOpened,
});

export const meetingFindClose = command({
  name: "meeting find close",
  es: "reunión buscar # cerrar",
  aliases: ["meeting find # close"],
  group: "meeting",
  summary: "meeting.find.close.summary",
  examples: { en: ["meeting find 1 close"], es: ["reunión buscar 1 cerrar"] },
  level: Level.Moderator,
  params: { find: param.int() },
  uses: ["jobs"],
  run({ find: number }, ctx) {
    const find = mustGet(number, ctx);
    const closing = find.closedAt === null ? closeFind(find, ctx) : undefined;
    if (!closing) throw new UserError("meeting.find.closed_already", { n: number, list: ctx.hint("meetings") });
    ctx.jobs.deleteByRef(findRef(number));
    return closing;
  },
  render: (closing, view) => renderClosing(closing, view, true),
});

export const meetingFindPick = command({
  name: "meeting find pick",
  es: "reunión buscar # elegir",
  aliases: ["meeting find # pick"],
  group: "meeting",
  summary: "meeting.find.pick.summary",
  examples: { en: ["meeting find 1 pick 2"], es: ["reunión buscar 1 elegir 2"] },
  level: Level.Moderator,
  params: { find: param.int(), slot: param.int() },
  uses: ["jobs"],
  run({ find: number, slot }, ctx) {
    const find = mustGet(number, ctx);
    if (find.closedAt === null)
      throw new UserError("meeting.find.still_open", {
        n: number,
        close: ctx.hint("meeting find close", { find: number }),
      });
    if (find.chosen !== null)
      throw new UserError("meeting.find.chosen_already", { n: number, list: ctx.hint("meetings") });
    if (slot > find.slots.length) throw new UserError("meeting.find.no_slot", { slot, count: find.slots.length });
    const closing = meetAt(find, slot, ctx);
    if (closing.kind === "unplanned") throw planRefusal(closing.error, ctx);
    return closing;
  },
  render: (closing, view) => renderClosing(closing, view, false),
});

export const meetingNames = command({
  name: "settings meeting names",
  es: "ajustes reunión nombres",
  group: "meeting",
  summary: "meeting.find.names.summary",
  examples: {
    en: ["settings meeting names on", "settings meeting names off"],
    es: ["ajustes reunión nombres activar"],
  },
  level: Level.Moderator,
  params: { names: param.choice({ on: ["activar", "sí", "si", "yes"], off: ["desactivar", "no"] }) },
  run({ names }, ctx) {
    ctx.slice.finds.setShowNames(ctx.roomId, names === "on");
    return { on: names === "on" };
  },
  render: ({ on }, { t }) => doc(p(...t.t(on ? "meeting.find.names.on" : "meeting.find.names.off"))),
});

/**
 * The times a member can make: what an answer to the poll runs, quietly, and what a member whose app
 * shows no polls types (`!meeting find 1 can 1 3`, or `none`). The latest answer counts.
 */
export const meetingFindAnswer = command({
  name: "meeting find can",
  es: "reunión buscar # puedo",
  aliases: ["meeting find # can"],
  group: "meeting",
  summary: "meeting.find.can.summary",
  examples: { en: ["meeting find 1 can 1 3", "meeting find 1 can none"], es: ["reunión buscar 1 puedo 1 3"] },
  level: Level.Member,
  params: { find: param.int(), slots: param.rest({ max: 100 }) },
  uses: ["invocation", "room"],
  run({ find: number, slots }, ctx) {
    const find = mustGet(number, ctx);
    const sentAt = ctx.invocation.sentAt;
    if (find.closedAt !== null || (find.closesAt !== null && sentAt > find.closesAt))
      throw new UserError("meeting.find.closed_already", { n: number, list: ctx.hint("meetings") });
    if (!ctx.room.people().some((m) => m.userId === ctx.sender.userId)) throw new UserError("meeting.find.not_member");
    const words = slots.split(/\s+/).filter((w) => w !== "");
    const none = words.length === 1 && /^(none|no|ninguna|ninguno|nada)$/iu.test(words[0] ?? "");
    const picked = none
      ? []
      : words.map((word) => {
          const slot = /^#?(\d{1,2})$/.exec(word) ? Number(word.replace("#", "")) : 0;
          if (slot < 1 || slot > find.slots.length)
            throw new UserError("meeting.find.bad_answer", { found: excerpt(word, 12), count: find.slots.length });
          return slot;
        });
    const unique = [...new Set(picked)].sort((a, b) => a - b);
    ctx.slice.finds.answer(find, ctx.sender.userId, unique, sentAt);
    return { number, slots: unique };
  },
  render: ({ number: n, slots }, { t }) =>
    doc(
      p(
        ...(slots.length === 0
          ? t.t("meeting.find.can.none", { n })
          : t.t("meeting.find.can.done", { n, slots: slots.join(", ") })),
      ),
    ),
});

/** At the deadline: closes the poll unless a moderator closed it already (then nothing is posted). */
export const closeAtDeadline: PostHandler<FindSlice> = (ctx) => {
  const find = ctx.slice.finds.get(ctx.job.roomId, Number(ctx.job.payload.find));
  if (!find || find.closedAt !== null) return null;
  const closing = closeFind(find, ctx);
  return closing ? renderClosing(closing, ctx, true) : null;
};

/** What an answer to a meeting-time poll stands for: answer ids are s1…sN, the slots' numbers. */
export function findPollAnswer(ref: string, answerIds: readonly string[]) {
  const n = /^meetingfind:(\d{1,9})$/.exec(ref)?.[1];
  if (!n) return undefined;
  const slots = answerIds.filter((id) => /^s\d{1,2}$/.test(id)).map((id) => id.slice(1));
  return slots.length === 0 ? undefined : { find: Number(n), slots: slots.join(" ") };
}

export const findCommands = [meetingFind, meetingFindClose, meetingFindPick, meetingFindAnswer, meetingNames];
