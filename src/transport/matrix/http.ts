import type { Logger } from "pino";

const MAX_429_RETRIES = 30;
const MAX_DELAY_MS = 5 * 60_000;

export interface SyncHook {
  /**
   * Sees every successful /sync response before matrix-js-sdk does. If it throws, the sdk gets a
   * network error and asks again from the same position, so nothing in the response is skipped.
   */
  (body: unknown, incremental: boolean, authedGet: (path: string) => Promise<unknown>): Promise<void>;
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/** The server's requested delay: `retry_after_ms` in the body, or the Retry-After header (seconds). */
export function retryAfterMs(bodyText: string, headers: Headers): number | undefined {
  try {
    const parsed = JSON.parse(bodyText) as { retry_after_ms?: unknown };
    if (typeof parsed.retry_after_ms === "number" && parsed.retry_after_ms >= 0) return parsed.retry_after_ms;
  } catch {
    // not JSON: fall through to the header
  }
  const header = headers.get("retry-after");
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

function pathOf(input: string | URL | Request): URL {
  return new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
}

/**
 * The fetch given to matrix-js-sdk. Every call that the homeserver rate-limits (429 /
 * M_LIMIT_EXCEEDED) is repeated after the delay the server asked for; /sync responses pass
 * through the sync hook first.
 */
export function tandemFetch(options: { log: Logger; onSync: SyncHook; base?: typeof fetch }): typeof fetch {
  const base = options.base ?? fetch;
  const { log } = options;

  const fetchRespectingRateLimits = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const response = await base(input, init);
      if (response.status !== 429) return response;
      const text = await response.text();
      if (attempt >= MAX_429_RETRIES)
        return new Response(text, { status: 429, statusText: response.statusText, headers: response.headers });
      const delayMs = Math.min(MAX_DELAY_MS, retryAfterMs(text, response.headers) ?? 1000 * 2 ** Math.min(attempt, 8));
      log.warn(
        {
          path: pathOf(input).pathname.replace(/![^/]+|%21[^/]+|\$[^/]+|%24[^/]+/g, "…"),
          delayMs,
          attempt: attempt + 1,
        },
        "rate limited by the homeserver; retrying after its delay",
      );
      await sleep(delayMs, init?.signal);
    }
  };

  return async (input, init) => {
    const url = pathOf(input);
    const response = await fetchRespectingRateLimits(input, init);
    if (!url.pathname.endsWith("/client/v3/sync") || !response.ok) return response;
    const text = await response.text();
    const authedGet = async (path: string): Promise<unknown> => {
      const answer = await fetchRespectingRateLimits(
        new URL(`${url.pathname.replace(/\/sync$/, "")}${path}`, url.origin),
        {
          method: "GET",
          headers: init?.headers ?? {},
        },
      );
      if (!answer.ok) throw new Error(`backfill request failed with HTTP ${answer.status}`);
      return answer.json();
    };
    await options.onSync(JSON.parse(text), url.searchParams.has("since"), authedGet);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
