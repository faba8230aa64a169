import type { CommandContext } from "../../src/kernel/command.js";
import { UserError } from "../../src/kernel/errors.js";
import { addDuration, parseDuration, parseWhen, type Duration } from "../../src/kernel/time/natural.js";
import { whenError } from "../../src/kernel/time/when-errors.js";

const DEFAULT_DURATION: Duration = { weeks: 0, days: 0, hours: 2, minutes: 0 };

/** An action is hours, at most a few days; a longer campaign is a burst (`!tempo burst`), not one plan. */
const MAX_ACTION_MS = 7 * 24 * 3_600_000;

export interface PlanRequest {
  action: string;
  startsAt: number;
  endsAt: number;
  careText?: string;
}

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
      if (endsAt - when.value.utcMs > MAX_ACTION_MS) {
        throw new UserError("careplan.too_long", { example: `${ctx.hint("careplan")} … for 3h`, tempo: ctx.hint("tempo", { phase: "burst" }) });
      }
      return { action, startsAt: when.value.utcMs, endsAt, ...(careText ? { careText } : {}) };
    }
    firstError ??= whenError(when.error, whenText, ctx);
  }
  throw firstError ?? new UserError("careplan.no_when", { example: ctx.hint("careplan", { request: "overtime refusal at friday 17:00 for 2h care pantry" }) });
}
