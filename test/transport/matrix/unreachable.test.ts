import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import {
  HomeserverUnreachable,
  keepNetworkCause,
  StopRequested,
  unreachableReason,
  untilReachable,
} from "../../../src/transport/matrix/unreachable.js";
import { packageRoot } from "../../../src/platform/package-root.js";

const main = join(packageRoot(), "dist", "app", "main.js");
const log = pino({ level: "silent" });
const refused = () =>
  Object.assign(new Error("fetch failed"), {
    cause: Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }),
  });

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function firstStart(homeserverUrl: string) {
  const dir = mkdtempSync(join(tmpdir(), "tandem-unreachable-"));
  const config = join(dir, "tandem.yaml");
  writeFileSync(
    config,
    [
      `database:\n  path: ${join(dir, "t.db")}\n  key: a-long-random-database-secret`,
      `matrix:\n  homeserverUrl: ${homeserverUrl}\n  userId: "@bot:example.org"\n  password: pw\n  allowedInviters: [example.org]`,
      `  cryptoStoreKey: ${Buffer.alloc(32, 7).toString("base64")}`,
    ].join("\n"),
  );
  const run = spawnSync(process.execPath, [main, "--config", config], { encoding: "utf8", timeout: 30_000 });
  return { code: run.status, stderr: run.stderr };
}

describe("an unreachable homeserver", () => {
  it("stops the first start with the URL, why, what to check, and status 69; no stack trace", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const run = firstStart(url);
    expect(run.code).toBe(69);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr.split("\n").filter((line) => !line.startsWith("{"))).toEqual([
      `tandem: cannot reach the homeserver at ${url}: connection refused: nothing listens there. Is the homeserver running, and is the port in matrix.homeserverUrl right? (ECONNREFUSED)`,
      "",
    ]);
  });

  it("names each cause in words", () => {
    expect(unreachableReason(refused())).toMatch(/^connection refused/);
    expect(unreachableReason({ cause: { code: "ENOTFOUND" } })).toMatch(/^name not found/);
    expect(unreachableReason({ cause: { cause: { code: "DEPTH_ZERO_SELF_SIGNED_CERT" } } })).toMatch(
      /^TLS failed.*\(DEPTH_ZERO_SELF_SIGNED_CERT\)$/,
    );
    expect(
      unreachableReason({ cause: new AggregateError([Object.assign(new Error(), { code: "ECONNREFUSED" })]) }),
    ).toMatch(/^connection refused/);
    expect(unreachableReason({ errcode: "M_FORBIDDEN" })).toBeUndefined();
    expect(new HomeserverUnreachable("https://m.example.org", "x").message).toBe(
      "cannot reach the homeserver at https://m.example.org: x",
    );
  });

  it("finds the cause matrix-js-sdk drops from its ConnectionError in the fetch it was given", async () => {
    const network = keepNetworkCause(async () => Promise.reject(refused().cause as Error));
    await expect(network.fetch("http://h/_matrix/client/v3/login")).rejects.toThrow("fetch failed");
    const sdkError = Object.assign(new Error("fetch failed: fetch failed"), { name: "ConnectionError" });
    expect(network.reasonOf(sdkError)).toMatch(/^connection refused/);
    expect(network.reasonOf(new Error("M_UNKNOWN_TOKEN"))).toBeUndefined();
  });

  it("is waited for with growing pauses once a session exists, and ends on a stop", async () => {
    const pauses: number[] = [];
    let calls = 0;
    const sleep = async (ms: number) => void pauses.push(ms);
    const attempt = async () => {
      if (++calls < 5) throw refused();
      return "whoami";
    };
    await expect(untilReachable(attempt, { url: "http://h", log, sleep, maxDelayMs: 4000 })).resolves.toBe("whoami");
    expect(pauses).toEqual([1000, 2000, 4000, 4000]);
    await expect(
      untilReachable(async () => Promise.reject(new Error("M_UNKNOWN_TOKEN")), { url: "http://h", log, sleep }),
    ).rejects.toThrow("M_UNKNOWN_TOKEN");
    const stopping = new AbortController();
    const waiting = untilReachable(async () => Promise.reject(refused()), {
      url: "http://h",
      log,
      signal: stopping.signal,
      sleep: async () => stopping.abort(),
    });
    await expect(waiting).rejects.toBeInstanceOf(StopRequested);
  });
});
