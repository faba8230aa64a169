import type { Block, RenderContext } from "../../src/kernel/authoring.js";
import type { Db } from "../../src/platform/db.js";

/** The meeting an opener opens: when the opener is posted, and when the meeting ends. */
export interface OpenedMeeting {
  openerAt: number;
  endsAt: number;
}

/**
 * What another feature adds to a meeting's opener (governance: proposals closing, charter notes).
 * It reads its data when the opener is made, inside that transaction, and returns how to word it
 * in the room's language; no blocks when it has nothing to say. The registry hands the parts to
 * meetings, so meetings never imports the features that feed it.
 */
export type OpenerPart = (
  db: Db,
  roomId: string,
  meeting: OpenedMeeting,
) => (view: Pick<RenderContext, "t">) => Block[];
