import type { ElsewhereOf } from "./command.js";
import { fitToEvent } from "./doc-limit.js";
import { enqueue } from "./outbox/outbox.js";
import { renderContextFor, type RoomContextDeps } from "./room-context.js";
import { roomJobs } from "./scheduler/room-jobs.js";

/**
 * Rooms reached from one triggering event or run: each message gets a key derived from the trigger
 * (`baseKey`) and its order, so a retried transaction queues the same keys and a redelivery none.
 */
export function elsewhereFrom(
  deps: RoomContextDeps,
  baseKey: string,
  now: number,
): { of: ElsewhereOf; posted: () => number } {
  let count = 0;
  const of: ElsewhereOf = (roomId) => {
    const view = renderContextFor(deps, roomId, now);
    return {
      view,
      jobs: roomJobs(deps.db, roomId, view.settings.timezone, now),
      members: () => deps.room?.members(roomId) ?? [],
      post(doc) {
        count++;
        const message = doc.event ? doc : fitToEvent(doc, view.t);
        enqueue(
          deps.db,
          { roomId, key: `${baseKey}/to/${count}`, kind: "notice", doc: message, ...(doc.ref ? { ref: doc.ref } : {}) },
          now,
        );
      },
    };
  };
  return { of, posted: () => count };
}
