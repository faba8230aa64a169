import { join } from "node:path";
import { pino } from "pino";
import type { Doc } from "../../src/core/doc.js";
import { renderPlain } from "../../src/core/render-plain.js";
import { openDatabase, type OpenedDatabase } from "../../src/store/db.js";
import { migrate, readMigrations } from "../../src/store/migrations.js";
import { packageRoot } from "../../src/store/package-root.js";
import type { OutgoingMessage, RoomMember, Transport } from "../../src/transport/port.js";

export const silentLog = pino({ level: "silent" });

/** A migrated database: in memory, or in a file when a test must reopen it (a "restart"). */
export function openMigrated(path = ":memory:"): OpenedDatabase {
  const opened = openDatabase(path);
  migrate(opened.db, readMigrations(join(packageRoot(), "migrations")));
  return opened;
}

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(public now: number) {}
  readonly read = (): number => this.now;
  set(iso: string): void {
    this.now = Date.parse(iso);
  }
  advance(ms: number): void {
    this.now += ms;
  }
}

/** Records what would reach the room, as plain text, with the outbox key used as transaction id. */
export class RecordingTransport implements Transport {
  readonly sent: { roomId: string; key: string; kind: string; text: string; doc: Doc }[] = [];
  readonly memberList: RoomMember[] = [];
  readonly moderators = new Set<string>();
  failNext = 0;

  members(): RoomMember[] {
    return this.memberList;
  }
  powerLevel(_roomId: string, userId: string): number {
    return this.moderators.has(userId) ? 50 : 0;
  }
  homeServerName(): string {
    return "example.org";
  }
  async send(message: OutgoingMessage): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error("network down");
    }
    this.sent.push({ roomId: message.roomId, key: message.key, kind: message.kind, text: renderPlain(message.doc), doc: message.doc });
  }
}
