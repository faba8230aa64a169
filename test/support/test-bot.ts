import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { allCommands } from "../../commands/index.js";
import type { AnyCommand } from "../../src/core/command.js";
import { Dispatcher } from "../../src/core/dispatcher.js";
import type { Invocation } from "../../src/core/invocation.js";
import { OutboxSender } from "../../src/core/outbox-sender.js";
import { renderPlain } from "../../src/core/render-plain.js";
import { postHandlers } from "../../src/scheduler/posts/index.js";
import { Scheduler } from "../../src/scheduler/scheduler.js";
import { openDatabase, type OpenedDatabase } from "../../src/store/db.js";
import { migrate, readMigrations } from "../../src/store/migrations.js";
import { packageRoot } from "../../src/store/package-root.js";
import type { OutgoingMessage, RoomMember, Transport } from "../../src/transport/port.js";

/** A transport for tests: rooms, members and power levels are set by the test; sent messages are kept. */
export class FakeTransport implements Transport {
  readonly sent: OutgoingMessage[] = [];
  readonly rooms = new Map<string, { members: RoomMember[]; power: Map<string, number> }>();
  failNext = 0;

  join(roomId: string, userId: string, displayName?: string, power = 0): void {
    const room = this.rooms.get(roomId) ?? { members: [], power: new Map<string, number>() };
    room.members = room.members.filter((m) => m.userId !== userId);
    room.members.push({ userId, ...(displayName ? { displayName } : {}) });
    room.power.set(userId, power);
    this.rooms.set(roomId, room);
  }

  members(roomId: string): RoomMember[] {
    return this.rooms.get(roomId)?.members ?? [];
  }

  powerLevel(roomId: string, userId: string): number {
    return this.rooms.get(roomId)?.power.get(userId) ?? 0;
  }

  homeServerName(): string {
    return "test.org";
  }

  /** The event id a delivered message became: stable per outbox key, like Matrix's transaction ids. */
  static eventIdOf(message: Pick<OutgoingMessage, "key">): string {
    return `$sent:${message.key}`;
  }

  async send(message: OutgoingMessage): Promise<string> {
    if (this.failNext > 0) {
      this.failNext--;
      throw Object.assign(new Error("network down"), { errcode: "M_UNKNOWN" });
    }
    this.sent.push(message);
    return FakeTransport.eventIdOf(message);
  }
}

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
  /** Moves the clock to `iso`, ticks the scheduler once and delivers; returns the plain posts. */
  tickTo(iso: string): Promise<string[]>;
  close(): void;
  path: string;
}

export const ROOM = "!cell:test.org";
export const ALICE = "@alice:test.org";
export const MOD = "@mod:test.org";

let counter = 0;

export function createTestBot(options: { commands?: AnyCommand[]; now?: number; path?: string; maxEntriesPerHour?: number; prefix?: string } = {}): TestBot {
  const dir = options.path ? undefined : mkdtempSync(join(tmpdir(), "tandem-test-"));
  const path = options.path ?? join(dir!, "tandem.db");
  const opened = openDatabase(path);
  migrate(opened.db, readMigrations(join(packageRoot(), "migrations")));
  const transport = new FakeTransport();
  transport.join(ROOM, ALICE, "Alice");
  transport.join(ROOM, MOD, "Mo", 50);
  const clock = { now: options.now ?? Date.UTC(2026, 10, 24, 10, 0) };
  const log = pino({ level: "silent" });
  const sender = new OutboxSender(opened.db, transport, log, () => clock.now);
  const dispatcher = new Dispatcher({
    db: opened.db,
    commands: options.commands ?? allCommands(),
    room: transport,
    config: {
      prefix: options.prefix ?? "!",
      ledger: { maxEntriesPerHour: options.maxEntriesPerHour ?? 30 },
      defaults: { language: "en", timezone: "Europe/Madrid" },
      permissions: { moderatorPowerLevel: 50, admins: [] },
    },
    log,
    clock: () => clock.now,
  });
  const scheduler = new Scheduler({
    db: opened.db,
    clock: () => clock.now,
    handlers: postHandlers,
    defaults: { language: "en", timezone: "Europe/Madrid" },
    ...(options.prefix ? { prefix: options.prefix } : {}),
    log,
    room: transport,
  });
  const delivered = async (action: () => void) => {
    const before = transport.sent.length;
    action();
    await sender.drain();
    return transport.sent.slice(before).map((m) => renderPlain(m.doc));
  };
  return {
    db: opened.db,
    transport,
    dispatcher,
    sender,
    scheduler,
    clock,
    path,
    tickTo(iso) {
      return delivered(() => {
        clock.now = Date.parse(iso);
        scheduler.tick();
      });
    },
    say(text, invocation = {}) {
      return delivered(() => dispatcher.handle({ eventId: `$e${++counter}`, roomId: ROOM, sender: ALICE, text, sentAt: clock.now, ...invocation }));
    },
    close() {
      opened.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
