import type { Logger } from "pino";
import { features as registry } from "../commands/index.js";
import type { CommandConfig } from "../src/kernel/command.js";
import { Dispatcher } from "../src/kernel/dispatcher.js";
import type { AnyFeature } from "../src/kernel/feature.js";
import { kernelTexts, Texts } from "../src/kernel/i18n/index.js";
import type { PermissionConfig } from "../src/kernel/level.js";
import type { OutsideData, RoomDataPart } from "../src/kernel/room-data.js";
import { OutboxSender } from "../src/kernel/outbox/sender.js";
import type { RoomView, Transport } from "../src/kernel/port.js";
import { Scheduler } from "../src/kernel/scheduler/scheduler.js";
import type { Db } from "../src/platform/db.js";
import { matrixTexts } from "../src/transport/matrix/texts/index.js";

export interface AppConfig extends CommandConfig {
  permissions: PermissionConfig;
  /** How long a missed scheduled post may still be sent late. */
  graceMs?: number;
}

/** Every text Tandem says: the kernel's, each feature's, the transports'. */
export function allTexts(features: readonly AnyFeature[] = registry): Texts {
  return new Texts([kernelTexts, ...features.map((f) => f.texts), matrixTexts]);
}

export interface App {
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  sender: OutboxSender;
  texts: Texts;
}

/**
 * The one wiring path, for console, Matrix and tests alike: the dispatcher answers into the outbox,
 * the scheduler posts into the same outbox, and the sender delivers it through the transport.
 */
export function createApp(deps: {
  db: Db;
  transport: Transport;
  room?: RoomView;
  config: AppConfig;
  log: Logger;
  clock?: () => number;
  features?: readonly AnyFeature[];
  onlyRoomId?: string;
  roomData?: readonly RoomDataPart[];
  outside?: readonly OutsideData[];
}): App {
  const features = deps.features ?? registry;
  const clock = deps.clock ?? Date.now;
  const texts = allTexts(features);
  const room = deps.room ?? deps.transport;
  const sender = new OutboxSender(deps.db, deps.transport, deps.log, clock);
  const onEnqueued = () => sender.notify();
  const dispatcher = new Dispatcher({
    db: deps.db,
    features,
    texts,
    room,
    config: deps.config,
    log: deps.log,
    clock,
    onEnqueued,
    ...(deps.roomData ? { roomData: deps.roomData } : {}),
    ...(deps.outside ? { outside: deps.outside } : {}),
  });
  const scheduler = new Scheduler({
    db: deps.db,
    clock,
    features,
    texts,
    defaults: deps.config.defaults,
    prefix: deps.config.prefix,
    log: deps.log,
    room,
    ...(deps.config.graceMs !== undefined ? { graceMs: deps.config.graceMs } : {}),
    ...(deps.onlyRoomId !== undefined ? { onlyRoomId: deps.onlyRoomId } : {}),
    onEnqueued,
  });
  return { dispatcher, scheduler, sender, texts };
}
