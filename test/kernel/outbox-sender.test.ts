import { pino } from "pino";
import { doc, p } from "../../src/kernel/doc.js";
import { enqueue } from "../../src/kernel/outbox/outbox.js";
import { OutboxSender, PermanentSendError } from "../../src/kernel/outbox/sender.js";
import type { OpenedDatabase } from "../../src/platform/db.js";
import { openMigrated } from "../support/db.js";
import { FakeTransport, networkDown } from "../support/fake-transport.js";

const STUCK = "!stuck:test.org";
const FINE = "!fine:test.org";

describe("outbox sender", () => {
  let opened: OpenedDatabase;
  beforeEach(() => (opened = openMigrated()));
  afterEach(() => opened.close());

  const queue = (roomId: string, key: string) =>
    enqueue(opened.db, { roomId, key, kind: "reply", doc: doc(p(key)) }, 0);

  it("keeps delivering to other rooms however many messages wait behind a failing one, and keeps each room in order", async () => {
    for (let i = 1; i <= 150; i++) queue(STUCK, `stuck-${i}`);
    queue(FINE, "fine-1");
    queue(FINE, "fine-2");
    // Sends fail, again and again, in one room only (as when that room's encryption keeps failing).
    const transport = new FakeTransport();
    transport.failure = (message) => (message.roomId === STUCK ? networkDown() : undefined);
    await new OutboxSender(opened.db, transport, pino({ level: "silent" }), () => 1_000).drain();
    expect(transport.sent.map((m) => m.key)).toEqual(["fine-1", "fine-2"]);
    // After the first failure the stuck room waits: nothing behind it overtakes it.
    expect(transport.tried.filter((k) => k.startsWith("stuck-"))).toEqual(["stuck-1"]);
  });

  it("marks a message the homeserver refuses for good as failed, keeps no text of it, and moves on in that room", async () => {
    queue(FINE, "refused");
    queue(FINE, "next");
    const transport = new FakeTransport();
    transport.failure = (message) => (message.key === "refused" ? new PermanentSendError("M_FORBIDDEN") : undefined);
    await new OutboxSender(opened.db, transport, pino({ level: "silent" }), () => 1_000).drain();
    expect(transport.sent.map((m) => m.key)).toEqual(["next"]);
    expect(opened.db.prepare("SELECT key, failed_at, last_error, doc FROM outbox WHERE key = 'refused'").get()).toEqual(
      {
        key: "refused",
        failed_at: 1_000,
        last_error: "M_FORBIDDEN",
        doc: '{"blocks":[]}',
      },
    );
  });

  it("sends to several rooms at once, each room in order, so no room waits for another's slow send", async () => {
    for (const room of [STUCK, FINE]) for (let i = 1; i <= 3; i++) queue(room, `${room}-${i}`);
    const inFlight = new Set<string>();
    let mostAtOnce = 0;
    const transport = new FakeTransport();
    const send = transport.send.bind(transport);
    transport.send = async (message) => {
      inFlight.add(message.roomId);
      mostAtOnce = Math.max(mostAtOnce, inFlight.size);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight.delete(message.roomId);
      return send(message);
    };
    await new OutboxSender(opened.db, transport, pino({ level: "silent" }), () => 1_000).drain();
    expect(mostAtOnce).toBe(2);
    for (const room of [STUCK, FINE])
      expect(transport.sent.filter((m) => m.roomId === room).map((m) => m.key)).toEqual(
        [1, 2, 3].map((i) => `${room}-${i}`),
      );
  });

  it("sends what one message queued in its order: the reply leaves after the event it posted in another room", async () => {
    // As `!contact 1 …` queues the assembly's event (elsewhere, first) and then its reply in the cell.
    enqueue(opened.db, { roomId: STUCK, key: "$cause/to/1", kind: "notice", doc: doc(p("to the assembly")) }, 0);
    queue(FINE, "$cause");
    queue(FINE, "$other");
    const started: string[] = [];
    const transport = new FakeTransport();
    const send = transport.send.bind(transport);
    transport.send = async (message) => {
      started.push(message.key);
      if (message.roomId === STUCK) await new Promise((resolve) => setTimeout(resolve, 20));
      return send(message);
    };
    await new OutboxSender(opened.db, transport, pino({ level: "silent" }), () => 1_000).drain();
    expect(transport.sent.map((m) => m.key)).toEqual(["$cause/to/1", "$cause", "$other"]);
    expect(started.indexOf("$cause")).toBeGreaterThan(started.indexOf("$cause/to/1"));
  });

  it("does not hold a reply for a retry of what its message posted elsewhere", async () => {
    enqueue(opened.db, { roomId: STUCK, key: "$cause/to/1", kind: "notice", doc: doc(p("to the assembly")) }, 0);
    queue(FINE, "$cause");
    const transport = new FakeTransport();
    transport.failure = (message) => (message.roomId === STUCK ? networkDown() : undefined);
    await new OutboxSender(opened.db, transport, pino({ level: "silent" }), () => 1_000).drain();
    expect(transport.sent.map((m) => m.key)).toEqual(["$cause"]);
  });
});
