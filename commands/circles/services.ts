import type { Db } from "../../src/platform/db.js";
import { circlesRepo } from "./repository.js";
import { matchPairs, type Pair } from "./rules/index.js";

/** What circle and skill commands work with: the room's circle members and skills. */
export function circleServices(db: Db) {
  const repo = circlesRepo(db);
  return {
    repo,
    /** Every teacher/learner pair the room's skills suggest, without those someone passed on. */
    pairs: (roomId: string): Pair[] => matchPairs(repo.skills(roomId), repo.passes(roomId)),
  };
}

export type CircleSlice = ReturnType<typeof circleServices>;
