import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { CLOSE_KIND } from "./commands.js";
import { outcomeText, renderClosed } from "./render.js";
import type { GovernanceSlice } from "./services.js";

/** At the deadline: closes the proposal unless it was closed by hand already (then nothing is posted). */
const closeAtDeadline: PostHandler<GovernanceSlice> = (ctx) => {
  const number = Number(ctx.job.payload.proposal);
  const proposal = ctx.slice.repo.get(ctx.job.roomId, number);
  if (!proposal || proposal.closed) return null;
  const closed = ctx.slice.close(proposal, ctx.now, (pr, r) => outcomeText(pr, r, ctx));
  return closed ? renderClosed(closed, ctx) : null;
};

export const governancePosts: Readonly<Record<string, PostHandler<GovernanceSlice>>> = {
  [CLOSE_KIND]: closeAtDeadline,
};
