import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { meetingDayOf, skippedDays } from "./occurrences.js";
import { renderOpener } from "./render.js";
import type { MeetingSlice } from "./services.js";

export const OPENER_KIND = "meeting.opener";
export { OPENER_LEAD_MINUTES } from "./occurrences.js";

// A weekly meeting cancelled for one day (`!meeting cancel 2026-12-03`) stays silent that day only.
const openerPost: PostHandler<MeetingSlice> = (ctx) =>
  skippedDays(ctx.job).includes(meetingDayOf(ctx.scheduledFor, ctx.job.zone)) ? null : renderOpener(ctx.slice.opener(ctx.job.roomId, ctx.now), ctx);

export const meetingPosts: Readonly<Record<string, PostHandler<MeetingSlice>>> = { [OPENER_KIND]: openerPost };
