import {
  type CommandContext,
  commandsOf,
  doc,
  Level,
  p,
  param,
  type RenderContext,
  UserError,
} from "../../../src/kernel/authoring.js";
import { formatWhen } from "../../../src/kernel/time/format.js";
import { parsePlanRequest } from "../../careplans/index.js";
import { crossingText, linkedCell, removedNote } from "../board/link.js";
import { sideOf } from "../bus.js";
import { ACTION_TEXT_MAX } from "../protocol/messages.js";
import type { FederationSlice } from "../services.js";
import { tellCells } from "./assembly.js";
import { scheduleActionStart } from "./posts.js";
import type { HeardAction } from "./repository.js";

const command = commandsOf<FederationSlice>();
type Ctx = CommandContext<FederationSlice>;

const at = (ms: number, view: Pick<RenderContext, "settings" | "t" | "now">) =>
  formatWhen(ms, view.settings.timezone, view.t.lang, view.now);

/** The care-plan reader's mistakes, with this command's example instead of `!careplan`'s. */
function readWindow(raw: string, ctx: Ctx) {
  const example = ctx.hint("action propose", { window: ctx.t.text("action.example.request") });
  try {
    return parsePlanRequest(raw, ctx, () => false);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    if (error.key === "careplan.no_when") throw new UserError("action.propose.no_when", { example });
    if (error.key === "careplan.no_duration" || error.key === "careplan.too_long")
      throw new UserError("action.propose.duration", { example });
    throw error;
  }
}

export const propose = command({
  name: "action propose",
  es: "acción proponer",
  group: "federation",
  summary: "action.propose.summary",
  examples: {
    en: ["action propose refuse overtime friday 17:00 for 2h"],
    es: ["acción proponer negarnos a las horas extra el viernes a las 17:00 durante 2h"],
  },
  level: Level.Moderator,
  params: { window: param.rest({ max: 500 }) },
  uses: ["elsewhere", "jobs"],
  run({ window: raw }, ctx) {
    const { repo, actions } = ctx.slice;
    if (!repo.assembly(ctx.roomId)) {
      if (repo.membership(ctx.roomId)) throw new UserError("action.propose.in_cell", { list: ctx.hint("actions") });
      throw new UserError("fed.not_assembly", { start: ctx.hint("assembly start", { name: "…" }) });
    }
    const request = readWindow(raw, ctx);
    // Each cell pairs its own care with the action when it joins.
    if (request.careText !== undefined)
      throw new UserError("action.propose.care", {
        join: ctx.hint("action join", { action: 1, care: ctx.t.text("action.example.care") }),
      });
    const { text, removed } = crossingText(request.action, ctx.t, ACTION_TEXT_MAX);
    const proposed = { assemblyRoom: ctx.roomId, text, startsAt: request.startsAt, endsAt: request.endsAt };
    const number = actions.propose(proposed, ctx.sender.userId, ctx.now);
    tellCells(sideOf(ctx.slice, ctx.now, ctx.elsewhere), { ...proposed, number });
    scheduleActionStart(ctx.jobs, number, proposed.startsAt);
    return { ...proposed, number, removed };
  },
  render: (r, view) =>
    doc(
      p(
        ...view.t.t("action.proposed", {
          number: r.number,
          text: r.text,
          from: at(r.startsAt, view),
          to: at(r.endsAt, view),
          list: view.hint("actions"),
        }),
      ),
      ...removedNote(r.removed, view),
    ),
});

/** The action a cell heard, not started yet. */
function aheadOf(ctx: Ctx, cellId: string, number: number): HeardAction {
  const action = ctx.slice.actions.heard(cellId, number);
  if (!action) throw new UserError("action.unknown", { number, list: ctx.hint("actions") });
  if (action.startsAt <= ctx.now) throw new UserError("action.started", { number });
  return action;
}

/** `with care pantry`, `care pantry`, `con cuidado despensa` or just `pantry`: the care act's words. */
const careWords = (text: string | undefined) =>
  text
    ?.trim()
    .replace(/^(?:(?:with|con)\s+)?(?:care|cuidado)\s+/iu, "")
    .trim() || undefined;

export const join = command({
  name: "action join",
  es: "acción # unirme",
  aliases: ["action # join", "acción # unirse"],
  group: "federation",
  summary: "action.join.summary",
  examples: {
    en: ["action 3 join", "action 3 join with care pantry"],
    es: ["acción 3 unirme", "acción 3 unirme con cuidado despensa"],
  },
  level: Level.Moderator,
  params: { action: param.int(), care: param.rest({ max: 120, optional: true }) },
  uses: ["elsewhere", "jobs"],
  run({ action: number, care }, ctx) {
    const link = linkedCell(ctx, true);
    const action = aheadOf(ctx, link.cellId, number);
    if (action.plan !== null)
      throw new UserError("action.already", {
        number,
        plan: action.plan,
        show: ctx.hint("careplan show", { plan: action.plan }),
      });
    const careText = careWords(care);
    const plan = ctx.slice.carePlans.plan(ctx.jobs, ctx.settings.timezone, {
      roomId: ctx.roomId,
      action: action.text,
      startsAt: action.startsAt,
      endsAt: action.endsAt,
      ...(careText ? { careText } : {}),
      by: ctx.sender.userId,
      now: ctx.now,
    });
    ctx.slice.actions.join(link.cellId, number, plan.number, ctx.sender.userId, ctx.now);
    sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, { kind: "action_join", number });
    return { action, plan: plan.number, withCare: plan.careAct !== null, name: link.assemblyName };
  },
  render: (r, view) =>
    doc(
      p(
        ...view.t.t("action.joined", {
          number: r.action.number,
          text: r.action.text,
          from: at(r.action.startsAt, view),
          plan: r.plan,
          name: r.name,
        }),
      ),
      p(
        ...(r.withCare
          ? view.t.t("action.joined_volunteers", { join: view.hint("careplan join", { plan: r.plan }) })
          : view.t.t("action.joined_no_care", {
              care: view.hint("careplan care", { plan: r.plan, act: view.t.text("action.example.act") }),
              join: view.hint("careplan join", { plan: r.plan }),
            })),
      ),
    ),
});

export const withdraw = command({
  name: "action withdraw",
  es: "acción # retirarme",
  aliases: ["action # withdraw", "acción # retirarse", "action # leave"],
  group: "federation",
  summary: "action.withdraw.summary",
  examples: { en: ["action 3 withdraw"], es: ["acción 3 retirarme"] },
  level: Level.Moderator,
  params: { action: param.int() },
  uses: ["elsewhere", "jobs"],
  run({ action: number }, ctx) {
    // A paused cell may still step out: only "one fewer" crosses.
    const link = linkedCell(ctx, false);
    const action = aheadOf(ctx, link.cellId, number);
    if (action.plan === null)
      throw new UserError("action.not_in", { number, join: ctx.hint("action join", { action: number }) });
    const cancelled = ctx.slice.carePlans.cancel(ctx.jobs, ctx.roomId, action.plan, ctx.now);
    ctx.slice.actions.withdraw(link.cellId, number);
    sideOf(ctx.slice, ctx.now, ctx.elsewhere).bus.toAssembly(link, { kind: "action_withdraw", number });
    return { number, plan: cancelled ? action.plan : null };
  },
  render: (r, view) =>
    doc(
      p(
        ...view.t.t(r.plan === null ? "action.withdrawn" : "action.withdrawn_plan", {
          number: r.number,
          plan: r.plan ?? 0,
        }),
      ),
    ),
});

export const windowCommands = [propose, join, withdraw];
