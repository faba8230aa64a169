import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { p } from "../../src/kernel/doc.js";
import { meetingDayOf, OPENER_LEAD_MINUTES, skippedDays } from "./occurrences.js";
import { renderOpener } from "./render.js";
import type { MeetingSlice } from "./services.js";

export const OPENER_KIND = "meeting.opener";
export { OPENER_LEAD_MINUTES } from "./occurrences.js";

/**
 * A weekly meeting cancelled for one day (`!meeting cancel 2026-12-03`) stays silent that day only.
 * An offline meeting's opener asks to leave phones outside, and a late one (the bot was down) is
 * dropped: nothing about an offline meeting is posted once it has begun.
 */
const openerPost: PostHandler<MeetingSlice> = (ctx) => {
  if (skippedDays(ctx.job).includes(meetingDayOf(ctx.scheduledFor, ctx.job.zone))) return null;
  const offline = ctx.job.payload.offline === true;
  if (offline && ctx.now >= ctx.scheduledFor + OPENER_LEAD_MINUTES * 60_000) return null;
  const opener = renderOpener(ctx.slice.opener(ctx.job.roomId, ctx.now), ctx);
  return offline ? { ...opener, blocks: [...opener.blocks, p(...ctx.t.t("meeting.offline_reminder"))] } : opener;
};

export const meetingPosts: Readonly<Record<string, PostHandler<MeetingSlice>>> = { [OPENER_KIND]: openerPost };
