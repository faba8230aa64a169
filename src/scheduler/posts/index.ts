import type { PostHandler } from "../scheduler.js";
import { carePlanHandlers } from "./careplan.js";
import { OPENER_KIND, openerPost } from "./meeting.js";
import { ANNOUNCE_KIND, announceRotation } from "./rotation.js";

/** Every kind of scheduled post and the handler that writes it. */
export const postHandlers: Readonly<Record<string, PostHandler>> = {
  [ANNOUNCE_KIND]: announceRotation,
  ...carePlanHandlers,
  [OPENER_KIND]: openerPost,
};
