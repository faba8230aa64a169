import type { Db } from "../platform/db.js";
import type { RenderContext, RoomSettingsView } from "./command.js";
import type { CommandIndex } from "./command-index.js";
import { writeCommand } from "./hints.js";
import { personOf } from "./mentions.js";
import type { Texts } from "./i18n/index.js";
import type { RoomView } from "./port.js";
import { roomSettings } from "./room-settings.js";

/** What a room's render context is made of; the dispatcher and the scheduler hold one each. */
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
