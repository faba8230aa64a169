import { type CommandContext, err, ok, type Result, UserError } from "../../src/kernel/authoring.js";
import { addDuration, parseDuration, parseWhen, type Duration } from "../../src/kernel/time/natural.js";
import { whenError } from "../../src/kernel/time/when-errors.js";

const DEFAULT_DURATION: Duration = { weeks: 0, days: 0, hours: 2, minutes: 0 };

/** An action is hours, at most a few days; a longer campaign is a burst (`!tempo burst`), not one plan. */
const MAX_ACTION_MS = 7 * 24 * 3_600_000;

const WHEN_MARKER = /\s(at|on|el|a las)\s/gi;
const CARE_MARKER = /\s(care|cuidado)\s/gi;

export interface PlanRequest {
  action: string;
  startsAt: number;
  endsAt: number;
  careText?: string;
}

type Parsed = Result<PlanRequest, UserError>;

/**
 * `<action> at <when> [for <duration>] [care <act>]`, with Spanish markers (el / a las, durante, cuidado) too.
 * "care" is also an everyday word ("health care march"), so it marks the care act only when what
 * comes before it is a complete `<action> at <when>`, or when what follows is a care act the room knows.
 */
export function parsePlanRequest(text: string, ctx: CommandContext, isKnownAct: (text: string) => boolean): PlanRequest {
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
    if (hasWhenAfterAction(before)) {
      const parsed = parseActionAndWhen(before, ctx);
      if (!parsed.ok) throw parsed.error;
    }
  }
  throw plain.error;
}

const example = (ctx: CommandContext) => ctx.hint("careplan", { request: "overtime refusal at friday 17:00 for 2h care pantry" });

const tooLong = (ctx: CommandContext) =>
  new UserError("careplan.too_long", { example: `${ctx.hint("careplan")} … for 3h`, tempo: ctx.hint("tempo", { phase: "burst" }) });

function hasWhenAfterAction(text: string): boolean {
  return [...text.matchAll(WHEN_MARKER)].some((marker) => text.slice(0, marker.index).trim().length > 0);
}

/** `<action> at <when> [for <duration>]`, trying each when-marker in turn ("sit-in at the office at friday 9:00"). */
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
      return err(new UserError("careplan.no_duration", { example: `${ctx.hint("careplan")} … for 2h` }));
    } else if ((parsed.error.code as string) === "too-long") {
      return err(tooLong(ctx));
    }
  }
  const zone = ctx.settings.timezone;
  let firstError: UserError | undefined;
  for (const marker of rest.matchAll(WHEN_MARKER)) {
    const action = rest.slice(0, marker.index).trim();
    const whenText = rest.slice((marker.index ?? 0) + marker[0].length).trim();
    if (!action) continue;
    const when = parseWhen(whenText, { zone, nowUtc: ctx.now, lang: ctx.t.lang });
    if (when.ok) {
      const endsAt = addDuration(zone, when.value.utcMs, duration);
      if (endsAt - when.value.utcMs > MAX_ACTION_MS) {
        return err(tooLong(ctx));
      }
      return ok({ action, startsAt: when.value.utcMs, endsAt });
    }
    firstError ??= whenError(when.error, whenText, ctx);
  }
  return err(firstError ?? new UserError("careplan.no_when", { example: example(ctx) }));
}
