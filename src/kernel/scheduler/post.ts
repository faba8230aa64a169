import type { ElsewhereOf, RenderContext } from "../command.js";
import type { Doc } from "../doc.js";
import type { Job } from "./jobs.js";
import type { RoomJobs } from "./room-jobs.js";

/** What a scheduled post may use: what rendering may use, and its own feature and room's jobs. */
export interface PostContext<S = unknown> extends RenderContext {
  job: Job;
  /** The occurrence being posted (not the moment the tick ran). */
  scheduledFor: number;
  /** The post's own feature, as its commands see it. */
  slice: S;
  jobs: RoomJobs;
  /** Another room, for the few posts that speak across rooms (federation). */
  elsewhere: ElsewhereOf;
}

/** Builds a scheduled post; null when there is nothing worth posting this time. Runs in the claim's transaction. */
export type PostHandler<S = unknown> = (ctx: PostContext<S>) => Doc | Doc[] | null;
