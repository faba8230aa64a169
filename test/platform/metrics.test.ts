import { startMetricsServer, type MetricsServer } from "../../src/platform/metrics.js";
import { enqueue } from "../../src/kernel/outbox/outbox.js";
import { doc, p } from "../../src/kernel/doc.js";
import type { OpenedDatabase } from "../../src/platform/db.js";
import { configSchema } from "../../src/platform/config/schema.js";
import { openMigrated } from "../support/db.js";

const NOW = Date.UTC(2026, 10, 24, 10, 0);

describe("metrics and health", () => {
  let opened: OpenedDatabase;
  let server: MetricsServer;
  beforeEach(async () => {
    opened = openMigrated();
    server = await startMetricsServer(opened.db, 0, () => NOW);
  });
  afterEach(async () => {
    await server.close();
    opened.close();
  });
  const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);

  it("answers /healthz while the database answers", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok\n");
  });

  it("exposes counts and ages only, never a room, an event or a text", async () => {
    opened.db
      .prepare(
        "INSERT INTO handled_events (event_id, room_id, handled_at) VALUES ('$secret-event', '!secret-room:test.org', ?)",
      )
      .run(NOW - 60_000);
    enqueue(
      opened.db,
      { roomId: "!secret-room:test.org", key: "k1", kind: "reply", doc: doc(p("secret text")) },
      NOW - 90_000,
    );
    opened.db
      .prepare(
        "INSERT INTO jobs (room_id, kind, rule, zone, next_run_utc, created_at) VALUES ('!secret-room:test.org', 'x', '{}', 'UTC', ?, 0)",
      )
      .run(NOW - 2_000);
    const body = await (await get("/metrics")).text();
    expect(body).toMatch(/^tandem_commands_handled_last_hour 1$/m);
    expect(body).toMatch(/^tandem_outbox_depth 1$/m);
    expect(body).toMatch(/^tandem_outbox_oldest_pending_seconds 90$/m);
    expect(body).toMatch(/^tandem_scheduler_lateness_seconds 2$/m);
    expect(body).toMatch(/^tandem_matrix_undecryptable 0$/m);
    expect(body).toMatch(/^tandem_process_resident_memory_bytes \d+/m);
    expect(body).not.toMatch(/secret/);
  });

  it("is off unless a port is configured, and takes no privileged port", () => {
    expect(configSchema.parse({}).metrics).toBeUndefined();
    expect(configSchema.parse({ metrics: { port: 9464 } }).metrics).toEqual({ port: 9464 });
    expect(configSchema.safeParse({ metrics: { port: 80 } }).success).toBe(false);
  });

  it("answers nothing else", async () => {
    expect((await get("/")).status).toBe(404);
    expect((await get("/metrics/../healthz")).status).not.toBe(500);
  });
});
