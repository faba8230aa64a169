import { identityHolds } from "../../src/kernel/identity-holds.js";
import type { Db } from "../../src/platform/db.js";
import { decisionRecorder } from "../decisions/index.js";

/** What trust works with: the kernel's record of changed identities, and the decision log. */
export function trustServices(db: Db) {
  return { holds: identityHolds(db), recordDecision: decisionRecorder(db) };
}

export type TrustSlice = ReturnType<typeof trustServices>;
