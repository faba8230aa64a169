import { doc, p } from "../../../src/kernel/doc.js";
import type { RoomJobs } from "../../../src/kernel/scheduler/room-jobs.js";
import { formatWhen } from "../../../src/kernel/time/format.js";
import type { ToCell } from "../protocol/messages.js";
import type { Membership } from "../repository.js";
import type { Side } from "../side.js";
import type { FederationSlice } from "../services.js";

export type ActionToCell = Extract<ToCell, { kind: "action" }>;

/** An action the assembly proposes, for a welcomed cell (checked by the caller to come from its assembly): told once. */
export function atCellActions(side: Side, membership: Membership, body: ActionToCell): void {
  if (body.startsAt <= side.now) return;
  const heard = side.slice.actions.hear(
    {
      cellId: membership.cellId,
      cellRoom: membership.cellRoom,
      number: body.number,
      text: body.text,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
    },
    side.now,
  );
  if (!heard) return;
  const room = side.elsewhere(membership.cellRoom);
  const { view } = room;
  const at = (ms: number) => formatWhen(ms, view.settings.timezone, view.t.lang, side.now);
  room.post(
    doc(
      p(
        ...view.t.t("action.heard", {
          name: membership.assemblyName,
          number: body.number,
          text: body.text,
          from: at(body.startsAt),
          to: at(body.endsAt),
        }),
      ),
      p(
        ...view.t.t("action.heard_join", {
          join: view.hint("action join", { action: body.number }),
          care: view.hint("action join", { action: body.number, care: view.t.text("action.example.care") }),
        }),
      ),
    ),
  );
}

/**
 * A cell leaving its assembly leaves its actions: the care plans of those still ahead are cancelled
 * with their posts, and what it heard goes (the assembly forgets the cell on its side).
 */
export function leaveActions(slice: FederationSlice, jobs: RoomJobs, membership: Membership, now: number): number {
  const { actions, carePlans } = slice;
  let cancelled = 0;
  for (const action of actions.joinedBy(membership.cellId)) {
    if (action.plan !== null && action.startsAt > now && carePlans.cancel(jobs, membership.cellRoom, action.plan, now))
      cancelled++;
  }
  actions.forgetCell(membership.cellId);
  return cancelled;
}
