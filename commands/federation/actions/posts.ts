import { doc, p } from "../../../src/kernel/doc.js";
import type { RoomJobs } from "../../../src/kernel/scheduler/room-jobs.js";
import type { PostHandler } from "../../../src/kernel/scheduler/post.js";
import type { FederationSlice } from "../services.js";

export const ACTION_START_KIND = "federation.action_start";

/** At the window's start the assembly hears that it begins, and how many cells are in (never which). */
export function scheduleActionStart(jobs: RoomJobs, number: number, startsAt: number): void {
  jobs.schedule({
    kind: ACTION_START_KIND,
    rule: { kind: "once", at: startsAt },
    ref: `action:${number}`,
    payload: { action: number },
  });
}

/** Below this many cells the assembly reads "fewer than 3", as with every figure that crosses. */
export const SHOWN_FROM = 3;

export const actionStartPost: PostHandler<FederationSlice> = (ctx) => {
  const { actions } = ctx.slice;
  const action = actions.proposed(ctx.job.roomId, Number(ctx.job.payload.action));
  if (!action) return null;
  const count = actions.cellsIn(action.assemblyRoom, action.number);
  actions.setActed(action.assemblyRoom, action.number, count);
  return doc(
    p(
      ...ctx.t.t("action.starts_now", {
        number: action.number,
        text: action.text,
        cells: count < SHOWN_FROM ? ctx.t.text("fed.few") : String(count),
      }),
    ),
  );
};
