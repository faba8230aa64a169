import type { CommandContext } from "../src/core/command.js";
import { list, type Block } from "../src/core/doc.js";
import { UserError } from "../src/core/errors.js";
import type { Person } from "../src/core/invocation.js";
import { Level } from "../src/core/level.js";
import { advance, type Handover, type RotationError, type RotationResult, type RotationState, type TermCalendar } from "../src/domain/rotation/index.js";
import { currentRotation, handoverLine, type RenderScope } from "../src/scheduler/posts/rotation.js";
import { rotationRepo } from "../src/store/rotation.js";

export function scopeOf(ctx: CommandContext): RenderScope {
  return { t: ctx.t, zone: ctx.settings.timezone, roomId: ctx.roomId, room: ctx.room };
}

/**
 * Members act for themselves; acting for someone else takes a moderator. The refusal shows the
 * command to type for oneself (`selfExample`, without the prefix).
 */
export function actingFor(who: Person | undefined, ctx: CommandContext, selfExample: string): Person {
  if (!who || (who.userId !== undefined && who.userId === ctx.sender.userId)) return ctx.sender;
  if (ctx.level < Level.Moderator) throw new UserError("rotation.error.others_need_moderator", { self: `${ctx.config.prefix}${selfExample}` });
  return who;
}

export function rotationError(error: RotationError, ctx: CommandContext): UserError {
  const member = "member" in error ? personName(error.member, ctx) : "";
  const role = "role" in error ? error.role : "";
  const hints = { roles: `${ctx.config.prefix}roles`, join: `${ctx.config.prefix}role join ${role}`, add: `${ctx.config.prefix}role add ${role}`, away: `${ctx.config.prefix}away until friday` };
  return new UserError(`rotation.error.${error.code}`, { ...error, member, ...hints } as Record<string, string | number>);
}

function personName(key: string, ctx: CommandContext): string {
  return key.startsWith("name:") ? key.slice(5) : (ctx.room.members(ctx.roomId).find((m) => m.userId === key)?.displayName ?? key);
}

/**
 * Runs one rotation change on the room's state brought up to now, and saves it. The change sees
 * the room's term calendar (its announcement instants).
 */
export function changeRotation(
  ctx: CommandContext,
  change: (state: RotationState, calendar: TermCalendar) => RotationResult,
): { state: RotationState; handovers: Handover[]; calendar: TermCalendar } {
  const { state, calendar } = currentRotation(ctx.db, ctx.roomId, ctx.settings.timezone, ctx.now);
  const result = change(state, calendar);
  if (!result.ok) throw rotationError(result.error, ctx);
  // Fill vacancies and hand over from people now away at once, not at the next announcement.
  const settled = advance(result.state, ctx.now, calendar);
  if (!settled.ok) throw rotationError(settled.error, ctx);
  rotationRepo(ctx.db).save(ctx.roomId, settled.state, ctx.now);
  return { state: settled.state, handovers: [...result.handovers, ...settled.handovers], calendar };
}

/** The handovers a change caused, as one list block (none when nothing changed hands). */
export function handoverBlocks(handovers: Handover[], ctx: CommandContext): Block[] {
  return handovers.length > 0 ? [list(handovers.map((h) => handoverLine(h, scopeOf(ctx))))] : [];
}
