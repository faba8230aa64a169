import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { doc, p } from "../../src/core/doc.js";
import { OutboxSender, PermanentSendError } from "../../src/core/outbox-sender.js";
import { openDatabase, type OpenedDatabase } from "../../src/store/db.js";
import { migrate, readMigrations } from "../../src/store/migrations.js";
import { enqueue } from "../../src/store/outbox.js";
import { packageRoot } from "../../src/store/package-root.js";
import type { OutgoingMessage, RoomMember, Transport } from "../../src/transport/port.js";

const STUCK = "!stuck:test.org";
const FINE = "!fine:test.org";

/** Sends fail, again and again, in one room only (as when that room's encryption keeps failing). */
class OneRoomStuck implements Transport {
  readonly sent: string[] = [];
  readonly tried: string[] = [];
  members(): RoomMember[] {
    return [];
  }
  powerLevel(): number {
    return 0;
  }
  homeServerName(): string {
    return "test.org";
  }
  async send(message: OutgoingMessage): Promise<string> {
    this.tried.push(message.key);
    if (message.roomId === STUCK) throw Object.assign(new Error("try later"), { errcode: "M_UNKNOWN" });
    this.sent.push(message.key);
    return `$${message.key}`;
  }
}

describe("outbox sender", () => {
  let dir: string;
  let opened: OpenedDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "tandem-outbox-"));
    opened = openDatabase(join(dir, "tandem.db"));
    migrate(opened.db, readMigrations(join(packageRoot(), "migrations")));
  });
  afterEach(() => {
    opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const queue = (roomId: string, key: string) => enqueue(opened.db, { roomId, key, kind: "reply", doc: doc(p(key)) }, 0);

  it("keeps delivering to other rooms however many messages wait behind a failing one, and keeps each room in order", async () => {
    for (let i = 1; i <= 150; i++) queue(STUCK, `stuck-${i}`);
    queue(FINE, "fine-1");
    queue(FINE, "fine-2");
    const transport = new OneRoomStuck();
    await new OutboxSender(opened.db, transport, pino({ level: "silent" }), () => 1_000).drain();
    expect(transport.sent).toEqual(["fine-1", "fine-2"]);
    // After the first failure the stuck room waits: nothing behind it overtakes it.
    expect(transport.tried.filter((k) => k.startsWith("stuck-"))).toEqual(["stuck-1"]);
  });

  it("marks a message the homeserver refuses for good as failed, keeps no text of it, and moves on in that room", async () => {
    queue(FINE, "refused");
    queue(FINE, "next");
    const sent: string[] = [];
    const transport: Transport = {
      members: () => [],
      powerLevel: () => 0,
      homeServerName: () => "test.org",
      async send(message) {
        if (message.key === "refused") throw new PermanentSendError("M_FORBIDDEN");
        sent.push(message.key);
      },
    };
    await new OutboxSender(opened.db, transport, pino({ level: "silent" }), () => 1_000).drain();
    expect(sent).toEqual(["next"]);
    expect(opened.db.prepare("SELECT key, failed_at, last_error, doc FROM outbox WHERE key = 'refused'").get()).toEqual({
      key: "refused",
      failed_at: 1_000,
      last_error: "M_FORBIDDEN",
      doc: '{"blocks":[]}',
    });
  });
});
