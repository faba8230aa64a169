import { rotationOrder, type RotationState, type TermCalendar } from "./state.js";
import { advance } from "./transitions.js";

export interface PlannedTerm {
  holder: string;
  fromUtc: number;
  untilUtc: number;
}

export interface RolePlan {
  role: string;
  termWeeks: number;
  /** The term running at `nowUtc`, if anyone holds the role. */
  current: PlannedTerm | null;
  /** The terms after the current one, as things stand (away periods included). */
  upcoming: PlannedTerm[];
  /** Everyone in the rotation, holder first. */
  order: string[];
}

/**
 * Who holds each role now, who comes next and until when: the rotation is simply run forward on a
 * copy, so the view can never disagree with what `advance` will really do.
 */
export function planTerms(state: RotationState, nowUtc: number, calendar: TermCalendar, upcomingCount = 2): RolePlan[] {
  const start = advance(state, nowUtc, calendar);
  if (!start.ok) return [];
  let simulated = start.value.state;
  const plans: RolePlan[] = simulated.roles.map((r) => ({
    role: r.name,
    termWeeks: r.termWeeks,
    current:
      r.holder === null || r.termStartUtc === null || r.termEndUtc === null
        ? null
        : { holder: r.holder, fromUtc: r.termStartUtc, untilUtc: r.termEndUtc },
    upcoming: [],
    order: rotationOrder(r),
  }));
  const wanted = () => plans.some((p) => p.current !== null && p.upcoming.length < upcomingCount);
  // Every step passes at least one term end; the bound only guards against a degenerate calendar.
  for (let step = 0; step < 10 * upcomingCount * Math.max(1, plans.length) && wanted(); step++) {
    const ends = simulated.roles.flatMap((r) => (r.termEndUtc === null ? [] : [r.termEndUtc]));
    if (ends.length === 0) break;
    const moved = advance(simulated, Math.min(...ends), calendar);
    if (!moved.ok) break;
    simulated = moved.value.state;
    for (const handover of moved.value.handovers) {
      const plan = plans.find((p) => p.role === handover.role);
      const role = simulated.roles.find((r) => r.name === handover.role);
      if (!plan || !role || handover.to === null || plan.upcoming.length >= upcomingCount) continue;
      if (role.termStartUtc === null || role.termEndUtc === null) continue;
      plan.upcoming.push({ holder: handover.to, fromUtc: role.termStartUtc, untilUtc: role.termEndUtc });
    }
  }
  return plans;
}
