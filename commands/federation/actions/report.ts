import {
  type CommandContext,
  commandsOf,
  doc,
  heading,
  Level,
  list,
  p,
  param,
  type RenderContext,
  UserError,
} from "../../../src/kernel/authoring.js";
import { excerpt } from "../../../src/kernel/text-hygiene.js";
import { formatWhen } from "../../../src/kernel/time/format.js";
import { crossingText, linkedCell, removedNote } from "../board/link.js";
import { sideOf } from "../bus.js";
import type { FederationSlice } from "../services.js";
import { SHOWN_FROM } from "./posts.js";
import type { HeardAction } from "./repository.js";

const command = commandsOf<FederationSlice>();
type Ctx = CommandContext<FederationSlice>;
const EXCERPT = 80;
const LISTED = 10;

const at = (ms: number, view: Pick<RenderContext, "settings" | "t" | "now">) =>
  formatWhen(ms, view.settings.timezone, view.t.lang, view.now);

/** "fewer than 3" below three, the number from three on. */
const cellsIn = (count: number, view: Pick<RenderContext, "t">) =>
  count < SHOWN_FROM ? view.t.text("fed.few") : String(count);

/**
 * What is seen of actions: the list in a cell or the assembly. After an action: a cell's moderator shares one of the cell's lessons (recorded with `!lesson`),
 * cleaned as stories are; the assembly's report shows how many cells acted and what they shared.
 */
export const share = command({
  name: "action share",
  es: "acción # compartir",
  aliases: ["action # share"],
  group: "federation",
  summary: "action.share.summary",
  examples: { en: ["action 3 share 2"], es: ["acción 3 compartir 2"] },
  level: Level.Moderator,
  params: { action: param.int(), lesson: param.int() },
  uses: ["elsewhere"],
  run({ action: number, lesson: lessonNumber }, ctx) {
    const link = linkedCell(ctx, true);
    const action = ctx.slice.actions.heard(link.cellId, number);
    if (!action) throw new UserError("action.unknown", { number, list: ctx.hint("actions") });
    if (action.plan === null) throw new UserError("action.share.not_in", { number });
    if (ctx.now < action.startsAt) throw new UserError("action.share.too_soon", { number });
    const lesson = ctx.slice.lessonOf(ctx.roomId, lessonNumber);
    if (!lesson)
      throw new UserError("action.share.no_lesson", {
        lesson: lessonNumber,
        record: ctx.hint("lesson", { plan: action.plan, text: "…" }),
      });
    const { text, removed } = crossingText(lesson.text, ctx.t);
    sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, {
      kind: "action_lesson",
      number,
      ref: lesson.number,
      text,
    });
    return { number, lesson: lesson.number, text, removed, name: link.assemblyName };
  },
  render: (r, view) =>
    doc(
      p(
        ...view.t.t("action.shared", {
          number: r.number,
          lesson: r.lesson,
          name: r.name,
          text: excerpt(r.text, EXCERPT),
        }),
      ),
      ...removedNote(r.removed, view),
    ),
});

function mustAssemblyAction(ctx: Ctx, number: number) {
  if (!ctx.slice.repo.assembly(ctx.roomId))
    throw new UserError("fed.not_assembly", { start: ctx.hint("assembly start", { name: "…" }) });
  const action = ctx.slice.actions.proposed(ctx.roomId, number);
  if (!action) throw new UserError("action.report.unknown", { number, list: ctx.hint("actions") });
  return action;
}

export const report = command({
  name: "action report",
  es: "acción # informe",
  aliases: ["action # report"],
  group: "federation",
  summary: "action.report.summary",
  examples: { en: ["action 3 report"], es: ["acción 3 informe"] },
  level: Level.Member,
  params: { action: param.int() },
  run({ action: number }, ctx) {
    const action = mustAssemblyAction(ctx, number);
    const { actions } = ctx.slice;
    return {
      action,
      acted: actions.acted(ctx.roomId, number),
      cellsNow: actions.cellsIn(ctx.roomId, number),
      lessons: actions.lessons(ctx.roomId, number),
    };
  },
  render: ({ action, acted, cellsNow, lessons }, view) => {
    const shown = (count: number) => cellsIn(count, view);
    const when = at(action.startsAt, view);
    return doc(
      heading(view.t.text("action.report.title", { number: action.number, text: action.text, when })),
      p(
        ...(acted === null
          ? view.t.t("action.report.ahead", { cells: shown(cellsNow) })
          : view.t.t("action.report.acted", { cells: shown(acted) })),
      ),
      ...(lessons.length === 0
        ? acted === null
          ? []
          : [p(...view.t.t("action.report.no_lessons"))]
        : [p(...view.t.t("action.report.lessons")), list(lessons.map((text) => [text]))]),
    );
  },
});

type Listed =
  | { side: "assembly"; actions: { number: number; text: string; startsAt: number; endsAt: number; cells: number }[] }
  | { side: "cell"; actions: HeardAction[] };

export const actionsList = command({
  name: "actions",
  es: "acciones",
  group: "federation",
  summary: "action.list.summary",
  examples: { en: ["actions"], es: ["acciones"] },
  level: Level.Member,
  params: {},
  run(_args, ctx): Listed {
    const { repo, actions } = ctx.slice;
    if (repo.assembly(ctx.roomId))
      return {
        side: "assembly",
        actions: actions
          .upcoming(ctx.roomId, ctx.now, LISTED)
          .map((a) => ({ ...a, cells: actions.cellsIn(ctx.roomId, a.number) })),
      };
    const link = linkedCell(ctx, false);
    return { side: "cell", actions: actions.heardUpcoming(link.cellId, ctx.now, LISTED) };
  },
  render: (r, view) => {
    if (r.side === "assembly") {
      if (r.actions.length === 0)
        return doc(
          p(
            ...view.t.t("action.list.none_assembly", {
              propose: view.hint("action propose", { window: view.t.text("action.example.request") }),
            }),
          ),
        );
      return doc(
        heading(view.t.text("action.list.title")),
        list(
          r.actions.map((a) =>
            view.t.t("action.list.assembly", {
              number: a.number,
              text: a.text,
              from: at(a.startsAt, view),
              cells: cellsIn(a.cells, view),
            }),
          ),
        ),
      );
    }
    if (r.actions.length === 0) return doc(p(...view.t.t("action.list.none_cell")));
    return doc(
      heading(view.t.text("action.list.title")),
      list(
        r.actions.map((a) =>
          a.plan === null
            ? view.t.t("action.list.cell_out", {
                number: a.number,
                text: a.text,
                from: at(a.startsAt, view),
                join: view.hint("action join", { action: a.number }),
              })
            : view.t.t("action.list.cell_in", {
                number: a.number,
                text: a.text,
                from: at(a.startsAt, view),
                plan: a.plan,
              }),
        ),
      ),
    );
  },
});

export const reportCommands = [actionsList, share, report];
