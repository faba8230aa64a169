import type { Result } from "../../../src/kernel/result.js";

/**
 * Rotating roles of one cell, as plain data (stored as JSON). A member is an opaque key chosen by
 * the caller (a Matrix user id, or a name for people not on Matrix).
 *
 * Each role has a holder and a waiting line. Handing over sends the holder to the back of the
 * line and gives the role to the first person in line who is available, so a late joiner, who
 * enters at the back, never jumps the queue, and someone away keeps their place and is next once back.
 */

import { sameRoleNames } from "./built-in-roles.js";

export interface RoleRotation {
  name: string;
  termWeeks: number;
  holder: string | null;
  termStartUtc: number | null;
  termEndUtc: number | null;
  queue: string[];
}

export interface AwayPeriod {
  member: string;
  fromUtc: number;
  untilUtc: number;
}

/** Why a term ended; "shared": passed to someone free so nobody held two roles while they waited. */
export type EndReason = "term" | "skip" | "swap" | "left" | "away" | "removed" | "shared";

export interface HistoryEntry {
  role: string;
  member: string;
  fromUtc: number;
  toUtc: number;
  ended: EndReason;
}

export interface RotationState {
  roles: RoleRotation[];
  away: AwayPeriod[];
  history: HistoryEntry[];
}

export interface Handover {
  role: string;
  from: string | null;
  to: string | null;
  atUtc: number;
  reason: EndReason | "start";
  /** Nobody is handed the role because nobody is in its rotation any more (not because all are away). */
  emptied?: true;
}

/** Where terms end: typically the room's weekly announcement instants. */
export interface TermCalendar {
  /** The first boundary strictly after the instant. */
  nextBoundary(afterUtc: number): number;
}

export type RotationError =
  | { code: "unknown-role"; role: string }
  | { code: "role-exists"; role: string }
  | { code: "bad-term"; weeks: number }
  | { code: "already-member"; role: string; member: string }
  | { code: "not-member"; role: string; member: string }
  | { code: "duplicate-member"; member: string }
  | { code: "same-member"; member: string }
  | { code: "nobody-to-hand-over"; role: string }
  | { code: "bad-away-period" };

export type RotationResult = Result<{ state: RotationState; handovers: Handover[] }, RotationError>;

export function emptyRotation(): RotationState {
  return { roles: [], away: [], history: [] };
}

/** The role's order as people read it: holder first, then the waiting line. */
export function rotationOrder(role: RoleRotation): string[] {
  return role.holder === null ? [...role.queue] : [role.holder, ...role.queue];
}

export function isAway(state: RotationState, member: string, atUtc: number): boolean {
  return state.away.some((a) => a.member === member && a.fromUtc <= atUtc && atUtc < a.untilUtc);
}

export function findRole(state: RotationState, name: string): RoleRotation | undefined {
  const named = (wanted: string) => state.roles.find((r) => r.name.toLowerCase() === wanted);
  return (
    named(name.toLowerCase()) ??
    sameRoleNames(name)
      .map(named)
      .find((r) => r !== undefined)
  );
}

/** Deep copy, so transitions never mutate what the caller holds. */
export function cloneRotation(state: RotationState): RotationState {
  return {
    roles: state.roles.map((r) => ({ ...r, queue: [...r.queue] })),
    away: state.away.map((a) => ({ ...a })),
    history: state.history.map((h) => ({ ...h })),
  };
}

/** Who a new order would leave out of the rotation, and who it names that never joined. */
export function orderDifference(
  role: RoleRotation,
  members: readonly string[],
): { missing: string[]; extra: string[] } {
  const current = rotationOrder(role);
  return { missing: current.filter((m) => !members.includes(m)), extra: members.filter((m) => !current.includes(m)) };
}
