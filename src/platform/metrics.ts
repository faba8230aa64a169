import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import type { Db } from "./db.js";

/**
 * What an operator watches, read from the database when Prometheus scrapes (so every number is the
 * durable truth, and the message path pays nothing). Counts and ages only: never a name, a room, an
 * event id or a text.
 */
export function tandemMetrics(db: Db, clock: () => number = Date.now): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "tandem_" });
  const q = {
    handled: db.prepare("SELECT count(*) FROM handled_events WHERE handled_at >= ?").pluck(),
    depth: db.prepare("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL").pluck(),
    oldestPending: db.prepare("SELECT min(created_at) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL").pluck(),
    failed: db.prepare("SELECT count(*) FROM outbox WHERE failed_at >= ?").pluck(),
    overdueJob: db.prepare("SELECT min(next_run_utc) FROM jobs WHERE next_run_utc IS NOT NULL").pluck(),
    undecryptable: db.prepare("SELECT count(*) FROM matrix_inbox WHERE state = 'undecryptable'").pluck(),
    lastReceived: db.prepare("SELECT received_at - origin_ts FROM matrix_inbox ORDER BY seq DESC LIMIT 1").pluck(),
  };
  const gauge = (name: string, help: string, read: (now: number) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read(clock()));
      },
    });
  const seconds = (ms: number) => Math.max(0, ms) / 1000;
  const HOUR = 3600_000;
  gauge(
    "tandem_commands_handled_last_hour",
    "Commands, reactions and poll answers handled in the last hour.",
    (now) => q.handled.get(now - HOUR) as number,
  );
  gauge("tandem_outbox_depth", "Replies and posts waiting to be delivered.", () => q.depth.get() as number);
  gauge("tandem_outbox_oldest_pending_seconds", "Age of the oldest undelivered message (0 when none).", (now) => {
    const at = q.oldestPending.get() as number | null;
    return at === null ? 0 : seconds(now - at);
  });
  gauge(
    "tandem_outbox_failed_last_day",
    "Messages the homeserver refused for good in the last day.",
    (now) => q.failed.get(now - 24 * HOUR) as number,
  );
  gauge(
    "tandem_scheduler_lateness_seconds",
    "How far the most overdue scheduled post is past its time (0 when none is due).",
    (now) => {
      const due = q.overdueJob.get() as number | null;
      return due === null ? 0 : seconds(now - due);
    },
  );
  gauge(
    "tandem_matrix_undecryptable",
    "Incoming events that could not be decrypted yet.",
    () => q.undecryptable.get() as number,
  );
  gauge("tandem_matrix_sync_lag_seconds", "From the newest event's origin time to its arrival through /sync.", () =>
    seconds((q.lastReceived.get() as number | null) ?? 0),
  );
  return registry;
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * /healthz (200 when the database answers) and /metrics, on 127.0.0.1 only: a reverse proxy or a
 * local Prometheus agent reaches it, nobody else. Off unless `metrics.port` is configured.
 */
export async function startMetricsServer(db: Db, port: number, clock: () => number = Date.now): Promise<MetricsServer> {
  const registry = tandemMetrics(db, clock);
  const ping = db.prepare("SELECT 1").pluck();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET") return void res.writeHead(405).end();
    if (path === "/healthz") {
      let ok = false;
      try {
        ok = ping.get() === 1;
      } catch {
        ok = false;
      }
      return void res
        .writeHead(ok ? 200 : 503, { "content-type": "text/plain" })
        .end(ok ? "ok\n" : "database unavailable\n");
    }
    if (path === "/metrics") {
      registry.metrics().then(
        (body) => res.writeHead(200, { "content-type": registry.contentType }).end(body),
        () => res.writeHead(500).end(),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
