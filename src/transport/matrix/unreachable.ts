import type { Logger } from "pino";

/**
 * The homeserver could not be reached at all (not an answer it gave): the process exits with 69
 * (EX_UNAVAILABLE in sysexits.h), which a service manager tells apart from a crash (1) and a wrong
 * configuration (78), and can restart after a pause.
 */
export class HomeserverUnreachable extends Error {
  static readonly EXIT_STATUS = 69;
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`cannot reach the homeserver at ${url}: ${reason}`);
    this.name = "HomeserverUnreachable";
  }
}

/** A stop (SIGTERM, SIGINT) asked for while waiting for the homeserver: nothing failed. */
export class StopRequested extends Error {}

const CODES: Array<[RegExp, string]> = [
  [
    /^ECONNREFUSED$/,
    "connection refused: nothing listens there. Is the homeserver running, and is the port in matrix.homeserverUrl right?",
  ],
  [
    /^(ENOTFOUND|EAI_AGAIN|EAI_NONAME)$/,
    "name not found: the host name does not resolve. Check the spelling of matrix.homeserverUrl and this machine's DNS.",
  ],
  [
    /^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|ENETUNREACH|EHOSTUNREACH)$/,
    "no answer in time: check matrix.homeserverUrl, the network and any firewall between this machine and the homeserver.",
  ],
  [
    /^ECONNRESET$|^UND_ERR_SOCKET$/,
    "the connection was closed: check that matrix.homeserverUrl speaks the right protocol (http or https) on that port.",
  ],
  [
    /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|^EPROTO$|ERR_SSL/,
    "TLS failed: the homeserver's certificate is not trusted here, or its name does not match. Check the certificate, or that matrix.homeserverUrl uses the name it was issued for.",
  ],
];

/** Every error code in a chain of causes (fetch wraps the socket's error; matrix-js-sdk wraps fetch's). */
function codesOf(err: unknown): string[] {
  const codes: string[] = [];
  for (
    let e = err as { code?: unknown; cause?: unknown; errors?: unknown } | undefined, depth = 0;
    e && depth < 8;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === "string") codes.push(e.code);
    // A name with several addresses fails once per address (AggregateError).
    if (Array.isArray(e.errors)) for (const inner of e.errors) codes.push(...codesOf(inner));
  }
  return codes;
}

/** Why the homeserver could not be reached, in words with what to check; undefined when it answered (or the failure is something else). */
export function unreachableReason(err: unknown): string | undefined {
  const codes = codesOf(err);
  for (const [pattern, reason] of CODES) {
    const code = codes.find((c) => pattern.test(c));
    if (code) return `${reason} (${code})`;
  }
  return undefined;
}

export type ReasonOf = (err: unknown) => string | undefined;

/**
 * A fetch that keeps the cause of its last network failure: matrix-js-sdk's ConnectionError keeps
 * only the words "fetch failed", not whether the connection was refused or the name unknown.
 */
export function keepNetworkCause(base: typeof fetch): { fetch: typeof fetch; reasonOf: ReasonOf } {
  let last: unknown;
  const watched = (async (input, init) => {
    try {
      const response = await base(input, init);
      last = undefined;
      return response;
    } catch (err) {
      last = err;
      throw err;
    }
  }) as typeof fetch;
  return {
    fetch: watched,
    reasonOf: (err) =>
      unreachableReason(err) ??
      ((err as Error | undefined)?.name === "ConnectionError" ? unreachableReason(last) : undefined),
  };
}

/** The same failure as a HomeserverUnreachable when it is one; otherwise the error as it was. */
export function asUnreachable(err: unknown, url: string, reasonOf: ReasonOf = unreachableReason): unknown {
  const reason = reasonOf(err);
  return reason === undefined ? err : new HomeserverUnreachable(url, reason);
}

export interface RetryOptions {
  url: string;
  log: Logger;
  reasonOf?: ReasonOf;
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The first pause; it doubles up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

/**
 * Runs `attempt` until the homeserver can be reached, pausing longer each time (1 s, 2 s, … 5 min):
 * a bot with a session outlives a homeserver's restart or a network cut. Other errors end it.
 */
export async function untilReachable<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? pause;
  let delayMs = options.firstDelayMs ?? 1000;
  for (let tries = 1; ; tries++) {
    if (options.signal?.aborted) throw new StopRequested();
    try {
      return await attempt();
    } catch (err) {
      const reason = (options.reasonOf ?? unreachableReason)(err);
      if (reason === undefined) throw err;
      options.log.warn(
        { url: options.url, reason, tries, retryInMs: delayMs },
        "cannot reach the homeserver; trying again",
      );
      await sleep(delayMs, options.signal);
      delayMs = Math.min(delayMs * 2, options.maxDelayMs ?? 5 * 60_000);
    }
  }
}
