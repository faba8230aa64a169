import { err, ok as success } from "../../../src/kernel/result.js";
import {
  cloneRotation,
  findRole,
  isAway,
  rotationOrder,
  type EndReason,
  type Handover,
  type RoleRotation,
  type RotationResult,
  type RotationState,
  type TermCalendar,
} from "./state.js";

const MAX_TERM_WEEKS = 52;

function ok(state: RotationState, handovers: Handover[] = []): RotationResult {
  return success({ state, handovers });
}

function termEnd(calendar: TermCalendar, startUtc: number, weeks: number): number {
  let end = startUtc;
  for (let i = 0; i < weeks; i++) end = calendar.nextBoundary(end);
  return end;
}

/** Ends the holder's term at `atUtc`; the holder rejoins the back of the line unless they left. */
function release(state: RotationState, role: RoleRotation, atUtc: number, ended: EndReason): string | null {
  const previous = role.holder;
  if (previous === null) return null;
  state.history.push({ role: role.name, member: previous, fromUtc: role.termStartUtc ?? atUtc, toUtc: atUtc, ended });
  if (ended !== "left" && ended !== "removed") role.queue.push(previous);
  role.holder = null;
  role.termStartUtc = null;
  role.termEndUtc = null;
  return previous;
}

function holdsAnotherRole(state: RotationState, member: string, except: RoleRotation): boolean {
  return state.roles.some((r) => r !== except && r.holder === member);
}

/**
 * Gives a vacant role to the first available person in line; someone who already holds another
 * role is passed over (keeping their place) while anyone free is waiting.
 */
function assign(
  state: RotationState,
  role: RoleRotation,
  atUtc: number,
  calendar: TermCalendar,
  exclude: string | null = null,
): string | null {
  const available = role.queue.filter((m) => m !== exclude && !isAway(state, m, atUtc));
  const chosen = available.find((m) => !holdsAnotherRole(state, m, role)) ?? available[0];
  if (chosen === undefined) return null;
  role.queue.splice(role.queue.indexOf(chosen), 1);
  role.holder = chosen;
  role.termStartUtc = atUtc;
  role.termEndUtc = termEnd(calendar, atUtc, role.termWeeks);
  return chosen;
}

function handOver(
  state: RotationState,
  role: RoleRotation,
  atUtc: number,
  reason: EndReason,
  calendar: TermCalendar,
): Handover {
  const from = release(state, role, atUtc, reason);
  // Someone who skips or goes away must not get the role straight back.
  const exclude = reason === "skip" || reason === "away" ? from : null;
  const to = assign(state, role, atUtc, calendar, exclude);
  return {
    role: role.name,
    from,
    to,
    atUtc,
    reason,
    ...(to === null && role.queue.length === 0 ? { emptied: true as const } : {}),
  };
}

function fillVacancies(state: RotationState, atUtc: number, calendar: TermCalendar, handovers: Handover[]): void {
  for (const role of state.roles) {
    if (role.holder !== null) continue;
    const to = assign(state, role, atUtc, calendar);
    if (to !== null) handovers.push({ role: role.name, from: null, to, atUtc, reason: "start" });
  }
}

/**
 * Brings the rotation up to `nowUtc`: every term that ended hands over at its own end (so a week of
 * downtime still gives each member their turn in order), holders who are away hand over, and
 * vacant roles are filled from now. Roles ending at the same instant are all released before any is
 * reassigned, so the "one role per person" preference sees the real situation.
 */
export function advance(state: RotationState, nowUtc: number, calendar: TermCalendar): RotationResult {
  const next = cloneRotation(state);
  const handovers: Handover[] = [];
  for (let t = earliestEnd(next); t !== undefined && t <= nowUtc; t = earliestEnd(next)) {
    const ending = next.roles.filter((r) => r.termEndUtc !== null && r.termEndUtc <= t);
    const released = ending.map((role) => ({ role, from: release(next, role, t, "term") }));
    for (const { role, from } of released) {
      const to = assign(next, role, t, calendar);
      handovers.push({
        role: role.name,
        from,
        to,
        atUtc: t,
        reason: "term",
        ...(to === null && role.queue.length === 0 ? { emptied: true as const } : {}),
      });
    }
  }
  for (const role of next.roles) {
    if (role.holder !== null && isAway(next, role.holder, nowUtc)) {
      handovers.push(handOver(next, role, nowUtc, "away", calendar));
    }
  }
  fillVacancies(next, nowUtc, calendar, handovers);
  shareDoubledRoles(next, nowUtc, calendar, handovers);
  next.away = next.away.filter((a) => a.untilUtc > nowUtc);
  return ok(next, handovers);
}

/**
 * Someone holding two roles passes one on as soon as a free person is in its line (right after a
 * join, a return, a leave), not only at the next announcement. The most recently started term is
 * passed on first, and its holder keeps the front of that line: they gave way, they lost no turn.
 */
function shareDoubledRoles(state: RotationState, atUtc: number, calendar: TermCalendar, handovers: Handover[]): void {
  const isFree = (m: string) => !isAway(state, m, atUtc) && !state.roles.some((r) => r.holder === m);
  const newestFirst = state.roles
    .map((role, index) => ({ role, index }))
    .sort((a, b) => (b.role.termStartUtc ?? 0) - (a.role.termStartUtc ?? 0) || b.index - a.index);
  for (const { role } of newestFirst) {
    const holder = role.holder;
    if (holder === null || !holdsAnotherRole(state, holder, role) || !role.queue.some(isFree)) continue;
    release(state, role, atUtc, "shared");
    role.queue = [holder, ...role.queue.filter((m) => m !== holder)];
    const to = assign(state, role, atUtc, calendar, holder);
    handovers.push({ role: role.name, from: holder, to, atUtc, reason: "shared" });
  }
}

function earliestEnd(state: RotationState): number | undefined {
  const ends = state.roles.flatMap((r) => (r.termEndUtc === null ? [] : [r.termEndUtc]));
  return ends.length === 0 ? undefined : Math.min(...ends);
}

export function addRole(state: RotationState, name: string, termWeeks: number): RotationResult {
  if (findRole(state, name)) return err({ code: "role-exists", role: name });
  if (!Number.isInteger(termWeeks) || termWeeks < 1 || termWeeks > MAX_TERM_WEEKS) {
    return err({ code: "bad-term", weeks: termWeeks });
  }
  const next = cloneRotation(state);
  next.roles.push({ name, termWeeks, holder: null, termStartUtc: null, termEndUtc: null, queue: [] });
  return ok(next);
}

export function removeRole(state: RotationState, name: string, nowUtc: number): RotationResult {
  const existing = findRole(state, name);
  if (!existing) return err({ code: "unknown-role", role: name });
  const next = cloneRotation(state);
  const role = findRole(next, name) as RoleRotation;
  const from = release(next, role, nowUtc, "removed");
  next.roles = next.roles.filter((r) => r !== role);
  return ok(next, from === null ? [] : [{ role: role.name, from, to: null, atUtc: nowUtc, reason: "removed" }]);
}

/** A newcomer enters at the back of the line. */
export function joinRole(state: RotationState, name: string, member: string): RotationResult {
  const existing = findRole(state, name);
  if (!existing) return err({ code: "unknown-role", role: name });
  if (rotationOrder(existing).includes(member)) return err({ code: "already-member", role: existing.name, member });
  const next = cloneRotation(state);
  (findRole(next, name) as RoleRotation).queue.push(member);
  return ok(next);
}

export function leaveRole(
  state: RotationState,
  name: string,
  member: string,
  nowUtc: number,
  calendar: TermCalendar,
): RotationResult {
  const existing = findRole(state, name);
  if (!existing) return err({ code: "unknown-role", role: name });
  if (!rotationOrder(existing).includes(member)) return err({ code: "not-member", role: existing.name, member });
  const next = cloneRotation(state);
  const role = findRole(next, name) as RoleRotation;
  if (role.holder === member) return ok(next, [handOver(next, role, nowUtc, "left", calendar)]);
  role.queue = role.queue.filter((m) => m !== member);
  return ok(next);
}

/**
 * Sets the order explicitly. The holder keeps the role, and the line continues after them in the
 * new order; a holder left out of the new order steps down now.
 */
export function setOrder(
  state: RotationState,
  name: string,
  members: readonly string[],
  nowUtc: number,
  calendar: TermCalendar,
): RotationResult {
  const existing = findRole(state, name);
  if (!existing) return err({ code: "unknown-role", role: name });
  const duplicate = members.find((m, i) => members.indexOf(m) !== i);
  if (duplicate !== undefined) return err({ code: "duplicate-member", member: duplicate });
  const next = cloneRotation(state);
  const role = findRole(next, name) as RoleRotation;
  const at = role.holder === null ? -1 : members.indexOf(role.holder);
  if (role.holder !== null && at < 0) {
    role.queue = [...members];
    return ok(next, [handOver(next, role, nowUtc, "left", calendar)]);
  }
  role.queue = at < 0 ? [...members] : [...members.slice(at + 1), ...members.slice(0, at)];
  return ok(next);
}

/** The holder hands over to the next available person now; the new term runs a full length. */
export function skipTurn(state: RotationState, name: string, nowUtc: number, calendar: TermCalendar): RotationResult {
  const existing = findRole(state, name);
  if (!existing) return err({ code: "unknown-role", role: name });
  if (existing.holder === null || !existing.queue.some((m) => !isAway(state, m, nowUtc))) {
    return err({ code: "nobody-to-hand-over", role: existing.name });
  }
  const next = cloneRotation(state);
  return ok(next, [handOver(next, findRole(next, name) as RoleRotation, nowUtc, "skip", calendar)]);
}

/**
 * Swaps two turns. Swapping with the holder hands the rest of the current term to the other
 * person, and the former holder takes their place in line.
 */
export function swapTurns(state: RotationState, name: string, a: string, b: string, nowUtc: number): RotationResult {
  const existing = findRole(state, name);
  if (!existing) return err({ code: "unknown-role", role: name });
  if (a === b) return err({ code: "same-member", member: a });
  for (const member of [a, b]) {
    if (!rotationOrder(existing).includes(member)) return err({ code: "not-member", role: existing.name, member });
  }
  const next = cloneRotation(state);
  const role = findRole(next, name) as RoleRotation;
  if (role.holder === a || role.holder === b) {
    const outgoing = role.holder;
    const incoming = outgoing === a ? b : a;
    next.history.push({
      role: role.name,
      member: outgoing,
      fromUtc: role.termStartUtc ?? nowUtc,
      toUtc: nowUtc,
      ended: "swap",
    });
    role.queue[role.queue.indexOf(incoming)] = outgoing;
    role.holder = incoming;
    role.termStartUtc = nowUtc;
    return ok(next, [{ role: role.name, from: outgoing, to: incoming, atUtc: nowUtc, reason: "swap" }]);
  }
  const i = role.queue.indexOf(a);
  const j = role.queue.indexOf(b);
  role.queue[i] = b;
  role.queue[j] = a;
  return ok(next);
}

/** Marks a member away; the next `advance` hands over any role they hold and skips them until back. */
export function setAway(state: RotationState, member: string, fromUtc: number, untilUtc: number): RotationResult {
  if (!(untilUtc > fromUtc)) return err({ code: "bad-away-period" });
  const next = cloneRotation(state);
  next.away = next.away.filter((p) => p.member !== member);
  next.away.push({ member, fromUtc, untilUtc });
  return ok(next);
}

/** Back early: the member is available again from now. */
export function endAway(state: RotationState, member: string, nowUtc: number): RotationResult {
  const next = cloneRotation(state);
  next.away = next.away.flatMap((p) =>
    p.member !== member ? [p] : p.fromUtc < nowUtc ? [{ ...p, untilUtc: nowUtc }] : [],
  );
  return ok(next);
}

/** Past holders of a role, most recent first. */
export function roleHistory(state: RotationState, name: string, limit = 20): RotationState["history"] {
  const wanted = name.toLowerCase();
  return state.history
    .filter((h) => h.role.toLowerCase() === wanted)
    .reverse()
    .slice(0, limit);
}

/** Re-computes the end of every running term on a new calendar (the announcement day changed). */
export function replanTerms(state: RotationState, calendar: TermCalendar): RotationResult {
  const next = cloneRotation(state);
  for (const role of next.roles) {
    if (role.termStartUtc !== null) role.termEndUtc = termEnd(calendar, role.termStartUtc, role.termWeeks);
  }
  return ok(next);
}
