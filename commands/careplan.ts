import { z } from "zod";
import { defineCommand, type CommandContext } from "../src/core/command.js";
import { about, doc, list, p, type Block, type Doc } from "../src/core/doc.js";
import { UserError } from "../src/core/errors.js";
import { Level } from "../src/core/level.js";
import { customCareAct, findCareAct, suggestCareActs, type CareAct } from "../src/domain/care/index.js";
import type { CareKind } from "../src/domain/ledger/index.js";
import { addDuration, parseDuration, parseWhen, type Duration } from "../src/domain/time/natural.js";
import { careActLabel, carriedBy, planNumberOf, planRef, roomCatalog, scheduleCarePlanPosts } from "../src/scheduler/posts/careplan.js";
import { formatWhen } from "../src/scheduler/posts/format.js";
import { carePlansRepo, type CarePlan } from "../src/store/careplans.js";
import { jobsRepo } from "../src/store/jobs.js";
import { ledgerRepo } from "../src/store/ledger.js";
import { whenError } from "./when-errors.js";

const DEFAULT_DURATION: Duration = { weeks: 0, days: 0, hours: 2, minutes: 0 };
const SUGGESTIONS = 3;

/** The kind of care each built-in act is, so closing a plan records it in the ledger correctly. */
const ACT_KINDS: Record<string, CareKind> = {
  pantry: "food",
  kitchen: "food",
  "hospital-rides": "transport",
  childcare: "childcare",
  "repair-clinic": "repair",
  "mental-health-circle": "emotional",
  "strike-fund": "money",
  "legal-aid": "knowledge",
  tutoring: "knowledge",
};

interface PlanRequest {
  action: string;
  startsAt: number;
  endsAt: number;
  careText?: string;
}

/** An action is hours, at most a few days; a longer campaign is a burst (`!tempo burst`), not one plan. */
const MAX_ACTION_MS = 7 * 24 * 3_600_000;

/** `<action> at <when> [for <duration>] [care <act>]`, with Spanish markers (el / a las, durante, cuidado) too. */
export function parsePlanRequest(text: string, ctx: CommandContext): PlanRequest {
  let rest = ` ${text.trim()} `;
  let careText: string | undefined;
  const care = [...rest.matchAll(/\s(care|cuidado)\s/gi)].at(-1);
  if (care?.index !== undefined) {
    careText = rest.slice(care.index + care[0].length).trim();
    rest = rest.slice(0, care.index + 1);
  }
  let duration = DEFAULT_DURATION;
  const forMatch = [...rest.matchAll(/\s(for|durante)\s/gi)].at(-1);
  if (forMatch?.index !== undefined) {
    const parsed = parseDuration(rest.slice(forMatch.index + forMatch[0].length));
    if (parsed.ok) {
      duration = parsed.value;
      rest = rest.slice(0, forMatch.index + 1);
    }
  }
  const zone = ctx.settings.timezone;
  let firstError: UserError | undefined;
  for (const marker of rest.matchAll(/\s(at|on|el|a las)\s/gi)) {
    const action = rest.slice(0, marker.index).trim();
    const whenText = rest.slice((marker.index ?? 0) + marker[0].length).trim();
    if (!action) continue;
    const when = parseWhen(whenText, { zone, nowUtc: ctx.now });
    if (when.ok) {
      const endsAt = addDuration(zone, when.value.utcMs, duration);
      if (endsAt - when.value.utcMs > MAX_ACTION_MS) throw new UserError("careplan.too_long", { example: `${ctx.config.prefix}careplan … for 3h`, tempo: `${ctx.config.prefix}tempo burst` });
      return { action, startsAt: when.value.utcMs, endsAt, ...(careText ? { careText } : {}) };
    }
    firstError ??= whenError(when.error, whenText, ctx);
  }
  throw firstError ?? new UserError("careplan.no_when", { example: `${ctx.config.prefix}careplan overtime refusal at friday 17:00 for 2h care pantry` });
}

function resolveAct(text: string, ctx: CommandContext): CareAct {
  const catalog = roomCatalog(ctx.db, ctx.roomId);
  const known = findCareAct(catalog, text);
  if (known) return known;
  // A new care act named by the members becomes part of this room's catalog.
  const own = customCareAct(text.slice(0, 80));
  carePlansRepo(ctx.db).addCustomAct(ctx.roomId, { id: own.id, label: own.label ?? text }, ctx.sender.userId, ctx.now);
  return own;
}

function suggestionBlocks(plan: CarePlan, ctx: CommandContext): Block[] {
  const repo = carePlansRepo(ctx.db);
  const picks = suggestCareActs(roomCatalog(ctx.db, ctx.roomId), repo.recentCareActs(ctx.roomId), SUGGESTIONS, plan.number);
  return [
    p(...ctx.t.t("careplan.suggest", { n: plan.number })),
    list(picks.map((act) => [{ kind: "code" as const, text: `${ctx.config.prefix}careplan ${plan.number} care ${act.aliases[0] ?? act.id}` }, " — ", careActLabel(ctx.db, ctx.roomId, act.id, ctx.t)])),
  ];
}

function planBlocks(plan: CarePlan, ctx: CommandContext): Block[] {
  const zone = ctx.settings.timezone;
  return [
    p(...ctx.t.t(`careplan.show.${plan.status}`, { n: plan.number, action: plan.action, from: formatWhen(plan.startsAt, zone, ctx.t.lang), to: formatWhen(plan.endsAt, zone, ctx.t.lang) })),
    carriedBy(ctx.db, plan, ctx.t, ctx.config.prefix),
  ];
}

function mustGet(number: number, ctx: CommandContext, planned = true): CarePlan {
  const plan = carePlansRepo(ctx.db).get(ctx.roomId, number);
  if (!plan) throw new UserError("careplan.unknown", { n: number, list: `${ctx.config.prefix}careplans` });
  if (planned && plan.status !== "planned") throw new UserError("careplan.closed", { n: number, list: `${ctx.config.prefix}careplans` });
  return plan;
}

/** Closes a plan; the volunteers' care goes into the ledger in the same step, so nobody has to remember. */
function closeDone(number: number, ctx: CommandContext): Doc {
  const plan = mustGet(number, ctx);
  carePlansRepo(ctx.db).close(plan, "done", ctx.now);
  jobsRepo(ctx.db).deleteByRef(ctx.roomId, planRef(plan.number));
  if (plan.volunteers.length === 0) return doc(p(...ctx.t.t("careplan.done.nobody", { n: plan.number })));
  const act = plan.careAct ? careActLabel(ctx.db, ctx.roomId, plan.careAct, ctx.t) : ctx.t.text("careplan.done.some_care");
  const entry = ledgerRepo(ctx.db).record({
    roomId: ctx.roomId,
    givers: plan.volunteers,
    what: ctx.t.text("careplan.done.what", { act, action: plan.action }).slice(0, 500),
    kind: (plan.careAct && ACT_KINDS[plan.careAct]) || "other",
    recordedBy: ctx.sender.userId,
    recordedAt: ctx.now,
  });
  return doc(p(...ctx.t.t("careplan.done.recorded", { n: plan.number, who: plan.volunteers, entry: entry.number, undo: `${ctx.config.prefix}ledger undo ${entry.number}` })));
}

function cancelPlan(number: number, ctx: CommandContext): Doc {
  const plan = mustGet(number, ctx);
  if (plan.createdBy !== ctx.sender.userId && ctx.level < Level.Moderator) throw new UserError("careplan.cancel.not_yours", { n: number });
  carePlansRepo(ctx.db).close(plan, "cancelled", ctx.now);
  jobsRepo(ctx.db).deleteByRef(ctx.roomId, planRef(plan.number));
  return doc(p(...ctx.t.t("careplan.cancel.done", { n: plan.number })));
}

export const careplan = defineCommand({
  name: "careplan",
  aliases: ["plan"],
  group: "careplan",
  summary: "careplan.summary",
  examples: ["careplan overtime refusal at friday 17:00 for 2h care solidarity pantry", "careplan 3", "careplan 3 join", "careplan 3 leave", "careplan 3 care kitchen"],
  level: Level.Member,
  params: [{ name: "request", kind: "rest" }],
  args: z.object({ request: z.string().min(1).max(500) }),
  run({ request: text }, ctx) {
    const repo = carePlansRepo(ctx.db);
    const show = /^#?(\d+)$/.exec(text.trim());
    if (show) {
      const plan = mustGet(Number(show[1]), ctx, false);
      return about(planRef(plan.number), doc(...planBlocks(plan, ctx)));
    }
    const join = /^#?(\d+)\s+(join|unirme|me apunto)$/i.exec(text.trim());
    if (join) {
      const plan = mustGet(Number(join[1]), ctx);
      const added = repo.addVolunteer(plan, ctx.sender, ctx.now);
      return doc(p(...ctx.t.t(added ? "careplan.joined" : "careplan.already_joined", { who: ctx.sender, n: plan.number })), carriedBy(ctx.db, mustGet(plan.number, ctx), ctx.t, ctx.config.prefix));
    }
    const leave = /^#?(\d+)\s+(leave|salir|me bajo)$/i.exec(text.trim());
    if (leave) {
      const plan = mustGet(Number(leave[1]), ctx);
      const removed = repo.removeVolunteer(plan, ctx.sender);
      return doc(p(...ctx.t.t(removed ? "careplan.left" : "careplan.not_joined", { who: ctx.sender, n: plan.number, join: `${ctx.config.prefix}careplan ${plan.number} join` })), carriedBy(ctx.db, mustGet(plan.number, ctx), ctx.t, ctx.config.prefix));
    }
    // "!careplan 3 done" is how many people say it; it means "!careplan done 3".
    const closing = /^#?(\d+)\s+(done|hecho|cancel|cancelar)$/i.exec(text.trim());
    if (closing) return /^(done|hecho)$/i.test(closing[2] ?? "") ? closeDone(Number(closing[1]), ctx) : cancelPlan(Number(closing[1]), ctx);
    const pick = /^#?(\d+)\s+(care|cuidado)\s+(.+)$/i.exec(text.trim());
    if (pick) {
      const plan = mustGet(Number(pick[1]), ctx);
      const act = resolveAct(pick[3] ?? "", ctx);
      repo.setCareAct(plan, act.id);
      return doc(p(...ctx.t.t("careplan.act_set", { n: plan.number, act: careActLabel(ctx.db, ctx.roomId, act.id, ctx.t) })));
    }
    const request = parsePlanRequest(text, ctx);
    const act = request.careText ? resolveAct(request.careText, ctx) : undefined;
    const plan = repo.create({ roomId: ctx.roomId, action: request.action.slice(0, 200), startsAt: request.startsAt, endsAt: request.endsAt, careAct: act?.id ?? null, createdBy: ctx.sender.userId }, ctx.now);
    scheduleCarePlanPosts(ctx.db, plan, ctx.settings.timezone, ctx.now);
    const blocks = [...planBlocks(plan, ctx)];
    if (!act) blocks.push(...suggestionBlocks(plan, ctx));
    blocks.push(p(...ctx.t.t("careplan.posts", { join: `${ctx.config.prefix}careplan ${plan.number} join` })));
    return about(planRef(plan.number), doc(...blocks));
  },
  // A reaction (any emoji) to the plan's announcement, its `!careplan 3` view, reminder or start call volunteers.
  reaction(ref) {
    const number = planNumberOf(ref);
    return number === undefined ? undefined : `careplan ${number} join`;
  },
});

export const careplanDone = defineCommand({
  name: "careplan done",
  aliases: ["plan done", "careplan hecho"],
  group: "careplan",
  summary: "careplan.done.summary",
  examples: ["careplan done 3"],
  level: Level.Member,
  params: [{ name: "plan", kind: "int" }],
  args: z.object({ plan: z.number().int().positive() }),
  run({ plan: number }, ctx) {
    return closeDone(number, ctx);
  },
});

export const careplanCancel = defineCommand({
  name: "careplan cancel",
  aliases: ["plan cancel", "careplan cancelar"],
  group: "careplan",
  summary: "careplan.cancel.summary",
  examples: ["careplan cancel 3"],
  level: Level.Member,
  params: [{ name: "plan", kind: "int" }],
  args: z.object({ plan: z.number().int().positive() }),
  run({ plan: number }, ctx) {
    return cancelPlan(number, ctx);
  },
});

export const careplans = defineCommand({
  name: "careplans",
  aliases: ["plans", "planes"],
  group: "careplan",
  summary: "careplans.summary",
  examples: ["careplans"],
  level: Level.Member,
  params: [],
  args: z.object({}),
  run(_args, ctx) {
    const plans = carePlansRepo(ctx.db).list(ctx.roomId, ctx.now - 14 * 86_400_000);
    if (plans.length === 0) return doc(p(...ctx.t.t("careplans.none", { example: `${ctx.config.prefix}careplan overtime refusal at friday 17:00 for 2h` })));
    const zone = ctx.settings.timezone;
    return doc(
      p(...ctx.t.t("careplans.title")),
      list(
        plans.map((plan) =>
          ctx.t.t(`careplans.line.${plan.status}`, {
            n: plan.number,
            action: plan.action,
            when: formatWhen(plan.startsAt, zone, ctx.t.lang),
            act: plan.careAct ? careActLabel(ctx.db, ctx.roomId, plan.careAct, ctx.t) : "—",
            count: plan.volunteers.length,
          }),
        ),
      ),
    );
  },
});

export const careplanCatalog = defineCommand({
  name: "careplan catalog",
  aliases: ["careplan catalogo", "careplan catálogo"],
  group: "careplan",
  summary: "careplan.catalog.summary",
  examples: ["careplan catalog"],
  level: Level.Member,
  params: [],
  args: z.object({}),
  run(_args, ctx) {
    const catalog = roomCatalog(ctx.db, ctx.roomId);
    return doc(p(...ctx.t.t("careplan.catalog.title")), list(catalog.map((act) => [careActLabel(ctx.db, ctx.roomId, act.id, ctx.t)])));
  },
});

export const careplanCatalogAdd = defineCommand({
  name: "careplan catalog add",
  aliases: ["careplan catalogo añadir"],
  group: "careplan",
  summary: "careplan.catalog.add.summary",
  examples: ["careplan catalog add bicycle workshop"],
  level: Level.Member,
  params: [{ name: "act", kind: "rest" }],
  args: z.object({ act: z.string().min(2).max(80) }),
  run({ act }, ctx) {
    const existing = findCareAct(roomCatalog(ctx.db, ctx.roomId), act);
    if (existing) return doc(p(...ctx.t.t("careplan.catalog.exists", { act: careActLabel(ctx.db, ctx.roomId, existing.id, ctx.t) })));
    const own = resolveAct(act, ctx);
    return doc(p(...ctx.t.t("careplan.catalog.added", { act: own.label ?? act })));
  },
});

export const careplanCommands = [careplan, careplanDone, careplanCancel, careplans, careplanCatalog, careplanCatalogAdd];
