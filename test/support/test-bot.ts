import { pino } from "pino";
import { createApp } from "../../app/app.js";
import type { Dispatcher } from "../../src/kernel/dispatcher.js";
import type { AnyFeature } from "../../src/kernel/feature.js";
import type { Invocation } from "../../src/kernel/invocation.js";
import type { OutboxSender } from "../../src/kernel/outbox/sender.js";
import { renderPlain } from "../../src/kernel/render-plain.js";
import type { Scheduler } from "../../src/kernel/scheduler/scheduler.js";
import type { OpenedDatabase } from "../../src/platform/db.js";
import { openMigrated, tempDatabasePath } from "./db.js";
import { FakeTransport } from "./fake-transport.js";

export interface TestBot {
  db: OpenedDatabase["db"];
  transport: FakeTransport;
  dispatcher: Dispatcher;
  sender: OutboxSender;
  /** The durable scheduler on the test clock; ticks only when a test says so. */
  scheduler: Scheduler;
  clock: { now: number };
  /** Sends a message as `sender` into `room`, then delivers the outbox; returns the plain replies. */
  say(text: string, options?: Partial<Invocation>): Promise<string[]>;
  /** Someone joins `room` (the test room by default), as Matrix reports it; returns the plain posts it caused. */
  join(userId: string, displayName?: string, roomId?: string): Promise<string[]>;
  /** Moves the clock to `iso`, ticks the scheduler once and delivers; returns the plain posts. */
  tickTo(iso: string): Promise<string[]>;
  close(): void;
  path: string;
}

export const ROOM = "!cell:test.org";
export const ALICE = "@alice:test.org";
export const MOD = "@mod:test.org";

let counter = 0;

export interface TestBotOptions {
  /** The features the bot has; all of the registry's by default. */
  features?: readonly AnyFeature[];
  now?: number;
  /** A database file to use (and keep), for tests that restart the bot. */
  path?: string;
  maxEntriesPerHour?: number;
  prefix?: string;
}

/** The whole bot, wired as in production (app/app.ts), on a fake transport and a test clock. */
export function createTestBot(options: TestBotOptions = {}): TestBot {
  const temp = options.path ? undefined : tempDatabasePath();
  const path = options.path ?? temp!.path;
  const opened = openMigrated(path);
  const transport = new FakeTransport();
  transport.join(ROOM, ALICE, "Alice");
  transport.join(ROOM, MOD, "Mo", 50);
  const clock = { now: options.now ?? Date.UTC(2026, 10, 24, 10, 0) };
  const { dispatcher, scheduler, sender } = createApp({
    db: opened.db,
    transport,
    config: {
      prefix: options.prefix ?? "!",
      ledger: { maxEntriesPerHour: options.maxEntriesPerHour ?? 30 },
      defaults: { language: "en", timezone: "Europe/Madrid" },
      permissions: { moderatorPowerLevel: 50, admins: [] },
    },
    log: pino({ level: "silent" }),
    clock: () => clock.now,
    ...(options.features ? { features: options.features } : {}),
  });
  transport.onJoin = (join) => void dispatcher.handleJoin({ ...join, sentAt: clock.now });
  const delivered = async (action: () => void) => {
    const before = transport.sent.length;
    action();
    await sender.drain();
    // Structured events are for other bots: no member reads them.
    return transport.sent
      .slice(before)
      .filter((m) => !m.doc.event)
      .map((m) => renderPlain(m.doc));
  };
  return {
    db: opened.db,
    transport,
    dispatcher,
    sender,
    scheduler,
    clock,
    path,
    join(userId, displayName, roomId = ROOM) {
      return delivered(() => transport.join(roomId, userId, displayName));
    },
    tickTo(iso) {
      return delivered(() => {
        clock.now = Date.parse(iso);
        scheduler.tick();
      });
    },
    say(text, invocation = {}) {
      return delivered(() =>
        dispatcher.handle({
          eventId: `$e${++counter}`,
          roomId: ROOM,
          sender: ALICE,
          text,
          sentAt: clock.now,
          ...invocation,
        }),
      );
    },
    close() {
      opened.close();
      temp?.remove();
    },
  };
}
