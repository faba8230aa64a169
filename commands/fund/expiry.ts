import { DateTime } from "luxon";
import { doc, p } from "../../src/kernel/doc.js";
import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import type { RoomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import { money } from "./render.js";
import { PAYOUT_EXPIRY_KIND, type FundSlice } from "./services.js";

/** A payout nobody seconds in two weeks is closed, so "waiting for a second person" never lasts forever. */
export const PAYOUT_EXPIRY_DAYS = 14;

const payoutRef = (number: number) => `fundpayout:${number}`;

/** Plans the expiry of a payout just proposed: a durable one-off job in the cell's zone. */
export function planExpiry(jobs: RoomJobs, number: number, now: number, zone: string): void {
  const at = DateTime.fromMillis(now, { zone }).plus({ days: PAYOUT_EXPIRY_DAYS }).toFormat("yyyy-MM-dd'T'HH:mm");
  jobs.schedule({
    kind: PAYOUT_EXPIRY_KIND,
    rule: { kind: "once", at },
    ref: payoutRef(number),
    payload: { movement: number },
  });
}

/** A payout that was decided (approved or cancelled) no longer expires. */
export const dropExpiry = (jobs: RoomJobs, number: number): void => void jobs.deleteByRef(payoutRef(number));

/** Two weeks without a second person: the payout closes, and the cell hears it, with how to propose it again. */
export const expirePayout: PostHandler<FundSlice> = (ctx) => {
  const number = Number(ctx.job.payload.movement);
  const m = ctx.slice.repo.movement(ctx.job.roomId, number);
  if (!m || m.status !== "proposed") return null;
  ctx.slice.repo.close(ctx.job.roomId, m, "expire", "", ctx.now);
  return doc(
    p(
      ...ctx.t.t("fund.expired", {
        n: number,
        amount: money(m, ctx),
        days: PAYOUT_EXPIRY_DAYS,
        again: ctx.hint("fund out", { text: `${money(m, ctx)} ${m.note}`.trim() }),
      }),
    ),
  );
};
