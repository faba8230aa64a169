import { type CommandContext, err, ok, type Result, UserError } from "../../src/kernel/authoring.js";
import { addDuration, parseDuration, parseWhen, type Duration } from "../../src/kernel/time/natural.js";
import { readTrailingWhen, whenContextOf } from "../../src/kernel/time/read.js";

const DEFAULT_DURATION: Duration = { weeks: 0, days: 0, hours: 2, minutes: 0 };

/** An action is hours, at most a few days; a longer campaign is a burst (`!tempo burst`), not one plan. */
const MAX_ACTION_MS = 7 * 24 * 3_600_000;

const CARE_MARKER = /\s(care|cuidado)\s/gi;

export interface PlanRequest {
  action: string;
  startsAt: number;
  endsAt: number;
  careText?: string;
}

type Parsed = Result<PlanRequest, UserError>;

/**
 * `<action> [at] <when> [for <duration>] [care <act>]`, with Spanish words (el / a las, durante, cuidado) too;
 * the when is any form the kernel's time reader knows ("in 2 hours", "viernes 17:00").
 * "care" is also an everyday word ("health care march"), so it marks the care act only when what
 * comes before it is a complete `<action> at <when>`, or when what follows is a care act the room knows.
 */
export function parsePlanRequest(
  text: string,
  ctx: CommandContext,
  isKnownAct: (text: string) => boolean,
): PlanRequest {
  const whole = ` ${text.trim()} `;
  const cares = [...whole.matchAll(CARE_MARKER)].reverse();
  for (const care of cares) {
    const careText = whole.slice((care.index ?? 0) + care[0].length).trim();
    const before = parseActionAndWhen(whole.slice(0, (care.index ?? 0) + 1), ctx);
    if (before.ok && careText) return { ...before.value, careText };
    if (!before.ok && isKnownAct(careText)) throw before.error;
  }
  const plain = parseActionAndWhen(whole, ctx);
  if (plain.ok) return plain.value;
  // Nothing read: explain the reading where "care" follows a when, as the member most likely meant it.
  for (const care of cares) {
    const before = whole.slice(0, (care.index ?? 0) + 1);
    if (hasWhenAfterAction(before, ctx)) {
      const parsed = parseActionAndWhen(before, ctx);
      if (!parsed.ok) throw parsed.error;
    }
  }
  throw plain.error;
}

const example = (ctx: CommandContext) => ctx.hint("careplan", { request: ctx.t.text("careplan.example.request") });

const tooLong = (ctx: CommandContext) =>
  new UserError("careplan.too_long", {
    example: `${ctx.hint("careplan")} ${ctx.t.text("careplan.example.longer")}`,
    tempo: ctx.hint("tempo", { phase: "burst" }),
  });

function hasWhenAfterAction(text: string, ctx: CommandContext): boolean {
  return readTrailingWhen(text, ctx) !== undefined;
}

/** `<action> <when> [for <duration>]`: the time is read from the end ("sit-in at the office at friday 9:00"). */
function parseActionAndWhen(text: string, ctx: CommandContext): Parsed {
  let rest = text;
  let duration = DEFAULT_DURATION;
  const forMatch = [...rest.matchAll(/\s(for|durante)\s/gi)].at(-1);
  if (forMatch?.index !== undefined) {
    const parsed = parseDuration(rest.slice(forMatch.index + forMatch[0].length));
    if (parsed.ok) {
      duration = parsed.value;
      rest = rest.slice(0, forMatch.index + 1);
    } else if (parsed.error.code === "zero") {
      return err(
        new UserError("careplan.no_duration", {
          example: `${ctx.hint("careplan")} ${ctx.t.text("careplan.example.duration")}`,
        }),
      );
    } else if ((parsed.error.code as string) === "too-long") {
      return err(tooLong(ctx));
    }
  }
  const zone = ctx.settings.timezone;
  const read = readTrailingWhen(rest, ctx);
  // A time alone ("friday 17:00") names no action.
  if (read === undefined || parseWhen(rest, whenContextOf(ctx)).ok)
    return err(new UserError("careplan.no_when", { example: example(ctx) }));
  if (read instanceof UserError) return err(read);
  const endsAt = addDuration(zone, read.when.utcMs, duration);
  if (endsAt - read.when.utcMs > MAX_ACTION_MS) return err(tooLong(ctx));
  return ok({ action: read.before, startsAt: read.when.utcMs, endsAt });
}
