import type { Db } from "../../src/platform/db.js";
import { ledgerReader, ledgerRecorder, ledgerRetractor } from "../ledger/index.js";
import { roomRhythm } from "../tempo/index.js";
import type { CancelledPlan, PlanCancelledHook } from "./cancel-hooks.js";
import { carePlansRepo } from "./repository.js";
import { DEFAULT_CARE_ACTS, type CareAct } from "./rules/index.js";

/**
 * What care-plan commands and posts work with: their plans, the room's care acts, the ledger and rhythm
 * they feed, and the features that hear of a cancelled plan.
 */
export function carePlanServices(db: Db, onCancel: readonly PlanCancelledHook[] = []) {
  const plans = carePlansRepo(db);
  return {
    plans,
    /** Tells the listening features; what each says goes into the reply. */
    cancelled: (plan: CancelledPlan) => onCancel.map((hook) => hook(db, plan)),
    /** The built-in catalog plus the acts this room added. */
    catalog(roomId: string): CareAct[] {
      const own = plans.customActs(roomId).map((a) => ({ id: a.id, label: a.label, aliases: [a.label.toLowerCase()] }));
      return [...DEFAULT_CARE_ACTS, ...own];
    },
    act(roomId: string, id: string | null): CareAct | undefined {
      return id === null
        ? undefined
        : (this.catalog(roomId).find((a) => a.id === id) ?? { id, label: id, aliases: [] });
    },
    ledger: { ...ledgerRecorder(db), ...ledgerReader(db), ...ledgerRetractor(db) },
    rhythm: roomRhythm(db),
  };
}

export type CarePlanSlice = ReturnType<typeof carePlanServices>;
