import { defineFeature, invoke } from "../../src/kernel/feature.js";
import { carePlanCommands, join } from "./commands.js";
import type { PlanCancelledHook } from "./cancel-hooks.js";
import { carePlanPosts } from "./posts.js";
import { planNumberOf } from "./render.js";
import { carePlansRoomData } from "./room-data.js";
import { carePlanServices, type CarePlanSlice } from "./services.js";
import { careplan as en } from "./texts/en.js";
import { careplan as es } from "./texts/es.js";

/**
 * Care-mirror plans: every action paired with an act of care at the same time, and decompression after.
 * Features that made a plan hear when a member cancels it through `onCancel` (the registry passes them in).
 */
export const carePlansWith = (onCancel: readonly PlanCancelledHook[]) =>
  defineFeature<CarePlanSlice, (typeof names)[number]>({
    name: "careplans",
    services: (db) => carePlanServices(db, onCancel),
    commands: carePlanCommands,
    posts: carePlanPosts,
    roomData: [carePlansRoomData],
    texts: { en, es },
    // Any reaction to the plan's announcement, its view, reminder or start call volunteers.
    reaction(ref) {
      const number = planNumberOf(ref);
      return number === undefined ? undefined : invoke(join, { plan: number });
    },
  });

export type { CancelledPlan, PlanCancelledHook } from "./cancel-hooks.js";

/** Federation counts care plans carried through in a month, never reading them. */
export { carePlansCarriedCount } from "./repository.js";

/** Decisions and lessons name plans: they ask which exist, never reading the plans' table. */
export { carePlanNumbers } from "./repository.js";

/** Federated days of action: a cell that joins one gets its own plan, made and cancelled as `!careplan` does. */
export { cancelCarePlan, planCare, type CarePlanRequest } from "./for-others.js";
/** The same reading of `<action> <when> [for <duration>]` as `!careplan`, for an action proposed elsewhere. */
export { parsePlanRequest } from "./request.js";

/** The canonical names of this feature's commands: what hints anywhere may name (commands/index.ts checks them). */
const names = [
  "careplan",
  "careplan show",
  "careplan join",
  "careplan leave",
  "careplan care",
  "careplan done",
  "careplan reopen",
  "careplan move",
  "careplan cancel",
  "careplans",
  "careplan catalog",
  "careplan catalog add",
] as const;

declare module "../../src/kernel/command.js" {
  interface CommandNames extends Record<(typeof names)[number], true> {}
}
