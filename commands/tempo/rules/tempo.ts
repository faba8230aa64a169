import { err, ok, type Result } from "../../../src/kernel/result.js";
import { longerThanLunarMonth, nextFullMoon, nextNewMoon } from "../../../src/kernel/time/moon.js";

/**
 * A campaign breathes: bursts of action and slow phases of education, care and recruitment, about
 * a lunar month each. The room's phase is plain data; the view adds what people want to see.
 */
export type TempoPhase = "burst" | "slow";

export interface TempoState {
  phase: TempoPhase;
  sinceUtc: number;
  /** Planned end of a burst; slow phases are open-ended. */
  untilUtc: number | null;
}

export type TempoError = { code: "until-not-in-future"; untilUtc: number };

export function initialTempo(sinceUtc: number): TempoState {
  return { phase: "slow", sinceUtc, untilUtc: null };
}

export function startBurst(
  nowUtc: number,
  untilUtc: number | null,
): Result<{ state: TempoState; longerThanLunarMonth: boolean }, TempoError> {
  if (untilUtc !== null && untilUtc <= nowUtc) return err({ code: "until-not-in-future", untilUtc });
  return ok({
    state: { phase: "burst", sinceUtc: nowUtc, untilUtc },
    longerThanLunarMonth: untilUtc !== null && longerThanLunarMonth(nowUtc, untilUtc),
  });
}

export function startSlow(nowUtc: number): TempoState {
  return { phase: "slow", sinceUtc: nowUtc, untilUtc: null };
}

/** A burst whose planned end has passed has become a slow phase: rest is not optional. */
export function effectiveTempo(state: TempoState, nowUtc: number): TempoState {
  if (state.phase === "burst" && state.untilUtc !== null && state.untilUtc <= nowUtc) {
    return { phase: "slow", sinceUtc: state.untilUtc, untilUtc: null };
  }
  return state;
}

export interface TempoView {
  phase: TempoPhase;
  sinceUtc: number;
  untilUtc: number | null;
  lastedDays: number;
  /** A burst without an end, or planned past one lunar month. */
  burstTooLong: boolean;
  nextNewMoonUtc: number;
  nextFullMoonUtc: number;
}

export function tempoView(state: TempoState, nowUtc: number): TempoView {
  const current = effectiveTempo(state, nowUtc);
  const plannedEnd = current.untilUtc ?? nowUtc;
  return {
    phase: current.phase,
    sinceUtc: current.sinceUtc,
    untilUtc: current.untilUtc,
    lastedDays: Math.floor((nowUtc - current.sinceUtc) / 86_400_000),
    burstTooLong: current.phase === "burst" && longerThanLunarMonth(current.sinceUtc, plannedEnd),
    nextNewMoonUtc: nextNewMoon(nowUtc),
    nextFullMoonUtc: nextFullMoon(nowUtc),
  };
}

/** What the bot's prompts are about: action in a burst; education, care and recruitment when slow. */
export type PromptFocus = "action" | "care" | "education" | "recruitment";

export const PROMPT_FOCUS: Readonly<Record<TempoPhase, readonly PromptFocus[]>> = {
  burst: ["action", "care"],
  slow: ["education", "care", "recruitment"],
};

/** The focus for the next prompt: cycles through the phase's focuses, never the same twice in a row. */
export function nextPromptFocus(phase: TempoPhase, previous: PromptFocus | null): PromptFocus {
  const options = PROMPT_FOCUS[phase];
  const at = previous === null ? -1 : options.indexOf(previous);
  return options[(at + 1) % options.length] as PromptFocus;
}
