import { type CommandContext, Level, param, UserError } from "../../src/kernel/authoring.js";
import type { Person } from "../../src/kernel/invocation.js";
import { localpart } from "../../src/kernel/mentions.js";
import {
  advance,
  type RotationError,
  type RotationResult,
  type RotationState,
  type TermCalendar,
} from "./rules/index.js";
import type { CurrentRotation, RotationSlice } from "./services.js";

export type RotationContext = CommandContext<RotationSlice, "jobs">;

/** A rotating role's name as typed ("facilitator", or "night shift" in quotes). */
export const roleParam = param.word({ max: 40 });

/** A stored member as they can be named in a hint: `@mo` for a room member, `@Ana` for a plain name. */
export function mentionOf(key: string): string {
  return key.startsWith("name:") ? `@${key.slice(5)}` : `@${localpart(key)}`;
}

/** The room's rotation brought up to now. */
export function rotationNow(ctx: RotationContext): CurrentRotation {
  return ctx.slice.current(ctx.roomId, ctx.jobs, ctx.settings.timezone, ctx.now);
}

/**
 * Members act for themselves; acting for someone else takes a moderator. The refusal shows the
 * command to type for oneself (`self`, a hint).
 */
export function actingFor(who: Person | undefined, ctx: RotationContext, self: string): Person {
  if (!who || (who.userId !== undefined && who.userId === ctx.sender.userId)) return ctx.sender;
  if (ctx.level < Level.Moderator) throw new UserError("rotation.error.others_need_moderator", { self });
  return who;
}

function rotationError(error: RotationError, ctx: RotationContext): UserError {
  // Someone not on Matrix is named as they were typed (`@cy`), not as a bare word.
  const member =
    "member" in error
      ? error.member.startsWith("name:")
        ? `@${ctx.personOf(error.member).name}`
        : ctx.personOf(error.member).name
      : "";
  const role = "role" in error ? error.role : "";
  const hints = {
    roles: ctx.hint("roles"),
    join: ctx.hint("role join", { role: role || undefined }),
    away: ctx.hint("away", { until: ctx.t.text("away.example_until") }),
  };
  return new UserError(`rotation.error.${error.code}`, { ...error, member, ...hints });
}

/**
 * Runs one rotation change on the room's state brought up to now, and saves it. The change sees
 * the room's term calendar (its announcement instants).
 */
export function changeRotation(
  ctx: RotationContext,
  change: (state: RotationState, calendar: TermCalendar) => RotationResult,
): CurrentRotation {
  const { state, calendar } = rotationNow(ctx);
  const result = change(state, calendar);
  if (!result.ok) throw rotationError(result.error, ctx);
  // Fill vacancies and hand over from people now away at once, not at the next announcement.
  const settled = advance(result.value.state, ctx.now, calendar);
  if (!settled.ok) throw rotationError(settled.error, ctx);
  ctx.slice.save(ctx.roomId, settled.value.state, ctx.now);
  return { state: settled.value.state, handovers: [...result.value.handovers, ...settled.value.handovers], calendar };
}
