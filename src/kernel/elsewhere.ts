import type { Db } from "../platform/db.js";
import type { ElsewhereOf, RenderContext, RoomSettingsView } from "./command.js";
import type { CommandIndex } from "./command-index.js";
import { fitToEvent } from "./doc-limit.js";
import { writeCommand } from "./hints.js";
import type { Texts } from "./i18n/index.js";
import { enqueue } from "./outbox/outbox.js";
import type { RoomView } from "./port.js";
import { roomSettings } from "./room-settings.js";
import { roomJobs } from "./scheduler/room-jobs.js";
import { personOf } from "./time/format.js";


export interface RoomContextDeps {
  db: Db;
  texts: Texts;
  index: CommandIndex;
  prefix: string;
  defaults: RoomSettingsView;
  room?: RoomView | undefined;
}

/** A room's render context: its words, zone and hints. */
export function renderContextFor(deps: RoomContextDeps, roomId: string, now: number): RenderContext {
  const settings = roomSettings(deps.db, roomId, deps.defaults);
  return {
    roomId,
    now,
    settings,
    t: deps.texts.translator(settings.language),
    prefix: deps.prefix,
    hint: (name, args) => writeCommand(deps.index, deps.prefix, settings.language, name, args),
    personOf: (key) => personOf(key, deps.room, roomId),
  };
}

/**
 * Rooms reached from one triggering event or run: each message gets a key derived from the trigger
 * (`baseKey`) and its order, so a retried transaction queues the same keys and a redelivery none.
 */
export function elsewhereFrom(deps: RoomContextDeps, baseKey: string, now: number): { of: ElsewhereOf; posted: () => number } {
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
        enqueue(deps.db, { roomId, key: `${baseKey}/to/${count}`, kind: "notice", doc: message, ...(doc.ref ? { ref: doc.ref } : {}) }, now);
      },
    };
  };
  return { of, posted: () => count };
}
