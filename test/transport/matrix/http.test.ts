import { pino } from "pino";
import { retryAfterMs, tandemFetch } from "../../../src/transport/matrix/http.js";

const log = pino({ level: "silent" });

function scripted(responses: (() => Response)[]) {
  const calls: string[] = [];
  const base = (async (input: string | URL | Request) => {
    calls.push(String(input));
    const next = responses.shift();
    if (!next) throw new Error("no more responses");
    return next();
  }) as typeof fetch;
  return { base, calls };
}

const limited = (ms: number) => () =>
  new Response(JSON.stringify({ errcode: "M_LIMIT_EXCEEDED", retry_after_ms: ms }), { status: 429 });

describe("rate limits", () => {
  test("the server's delay is read from retry_after_ms, else from Retry-After", () => {
    expect(retryAfterMs('{"retry_after_ms": 1500}', new Headers())).toBe(1500);
    expect(retryAfterMs("nope", new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs("{}", new Headers())).toBeUndefined();
  });

  test("a 429 is retried after the server's delay, then the real answer is returned", async () => {
    const { base, calls } = scripted([
      limited(30),
      limited(30),
      () => new Response('{"event_id":"$x"}', { status: 200 }),
    ]);
    const started = Date.now();
    const response = await tandemFetch({ log, base, onSync: async () => {} })(
      "http://hs/_matrix/client/v3/rooms/!r/send/m.room.message/t1",
      { method: "PUT", body: "{}" },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ event_id: "$x" });
    expect(calls).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });
});

describe("sync interception", () => {
  test("the hook sees each successful /sync before the sdk, which gets the same body", async () => {
    const body = { next_batch: "s2", rooms: {} };
    const { base } = scripted([() => new Response(JSON.stringify(body), { status: 200 })]);
    const seen: [unknown, boolean][] = [];
    const fetchFn = tandemFetch({ log, base, onSync: async (b, incremental) => void seen.push([b, incremental]) });
    const response = await fetchFn("http://hs/_matrix/client/v3/sync?since=s1&timeout=30000", {});
    expect(seen).toEqual([[body, true]]);
    expect(await response.json()).toEqual(body);
  });

  test("if recording fails, the sdk gets an error and will ask again from the same position", async () => {
    const { base } = scripted([() => new Response("{}", { status: 200 })]);
    const fetchFn = tandemFetch({
      log,
      base,
      onSync: async () => {
        throw new Error("disk full");
      },
    });
    await expect(fetchFn("http://hs/_matrix/client/v3/sync", {})).rejects.toThrow("disk full");
  });
});
