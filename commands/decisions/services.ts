import type { Db } from "../../src/platform/db.js";
import { carePlanNumbers } from "../careplans/index.js";
import { decisionsRepo } from "./repository.js";

/** What decision commands work with: the room's decision log. */
export function decisionServices(db: Db) {
  return { log: decisionsRepo(db), planNumbers: (roomId: string) => carePlanNumbers(db, roomId) };
}

export type DecisionSlice = ReturnType<typeof decisionServices>;
