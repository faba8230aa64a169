import type { RoomJobs } from "../../src/kernel/scheduler/room-jobs.js";
import type { Db } from "../../src/platform/db.js";
import { scheduleCarePlanPosts } from "./posts.js";
import { planRef } from "./render.js";
import type { CarePlan } from "./repository.js";
import { customCareAct, findCareAct } from "./rules/index.js";
import { carePlanServices } from "./services.js";

/** What another feature asks for: a cell's own care plan of an action it takes part in. */
export interface CarePlanRequest {
  roomId: string;
  action: string;
  startsAt: number;
  endsAt: number;
  /** The care act as a member typed it ("pantry", "despensa", or words of their own); none yet when absent. */
  careText?: string;
  by: string;
  now: number;
}

/**
 * A care plan made the way `!careplan` makes one (a reminder the day before, the start call with its
 * care act, decompression at the end, the lessons prompt the morning after), for a feature that plans
 * an action on the cell's behalf: a federated day of action a cell joined.
 */
export function planCare(db: Db, jobs: RoomJobs, zone: string, request: CarePlanRequest): CarePlan {
  const slice = carePlanServices(db);
  let careAct: string | null = null;
  if (request.careText) {
    const known = findCareAct(slice.catalog(request.roomId), request.careText);
    const act = known ?? customCareAct(request.careText.slice(0, 80));
    if (!known)
      slice.plans.addCustomAct(
        request.roomId,
        { id: act.id, label: act.label ?? request.careText },
        request.by,
        request.now,
      );
    careAct = act.id;
  }
  const plan = slice.plans.create(
    {
      roomId: request.roomId,
      action: request.action.slice(0, 200),
      startsAt: request.startsAt,
      endsAt: request.endsAt,
      careAct,
      createdBy: request.by,
    },
    request.now,
  );
  scheduleCarePlanPosts(jobs, plan, zone);
  return plan;
}

/** Cancels a plan still planned, with its posts (as `!careplan cancel` does); false when it was closed already or is gone. */
export function cancelCarePlan(db: Db, jobs: RoomJobs, roomId: string, number: number, now: number): boolean {
  const { plans } = carePlanServices(db);
  const plan = plans.get(roomId, number);
  if (plan?.status !== "planned") return false;
  plans.close(plan, "cancelled", now);
  jobs.deleteByRef(planRef(plan.number));
  return true;
}
