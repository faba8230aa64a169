import type { PostHandler } from "../../src/kernel/scheduler/post.js";
import { renderOpener } from "./render.js";
import type { MeetingSlice } from "./services.js";

export const OPENER_KIND = "meeting.opener";
/** The opener is posted this long before the meeting, so people read it as they arrive. */
export const OPENER_LEAD_MINUTES = 15;

const openerPost: PostHandler<MeetingSlice> = (ctx) => renderOpener(ctx.slice.opener(ctx.job.roomId, ctx.now), ctx);

export const meetingPosts: Readonly<Record<string, PostHandler<MeetingSlice>>> = { [OPENER_KIND]: openerPost };
