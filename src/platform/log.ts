import { createHmac, randomBytes } from "node:crypto";
import { pino, type DestinationStream, type Logger } from "pino";

/**
 * Structured logs on stderr (stdout belongs to the console transport). Redaction is a safety net:
 * the code never passes message bodies, typed names or secrets to the logger in the first place.
 * Matrix ids are a second net, over every finished line whoever wrote it (Tandem or matrix-js-sdk,
 * whose own lines quote user, room and event ids): see `redactIds`.
 */
export function createLogger(level: string, destination: DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: { app: "tandem" },
      redact: {
        paths: [
          "accessToken",
          "password",
          "*.accessToken",
          "*.password",
          "*.cryptoStoreKey",
          "*.recoveryKey",
          "key",
          "*.key",
          "body",
          "*.body",
          "formatted_body",
          "*.formatted_body",
        ],
        censor: "[hidden]",
      },
    },
    { write: (line: string) => destination.write(redactIds(line)) },
  );
}

// Stable within this process, so an operator can follow one room through a log; forgotten at exit,
// so a log file read later cannot be matched against a list of known ids.
const PROCESS_KEY = randomBytes(32);

function shortHash(kind: string, id: string): string {
  return `${kind}-${createHmac("sha256", PROCESS_KEY).update(id).digest("hex").slice(0, 10)}`;
}

// Server names: host names, IPv4, or bracketed IPv6, with an optional port.
const SERVER = String.raw`(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(?::\d{1,5})?`;
// A localpart without "/": npm scopes in stack traces ("@matrix-org/…:12") must not look like users.
// "%XX" lets the percent-encoded forms through ("=" is "%3D" in a request path).
const LOCAL = String.raw`(?:[A-Za-z0-9._=+-]|%[0-9A-Fa-f]{2})+`;
const OPAQUE = String.raw`(?:[A-Za-z0-9._~+/=-]|%[0-9A-Fa-f]{2})+`;
const LONG_OPAQUE = String.raw`[A-Za-z0-9_+/%-]{20,}`;
// Each id raw ("@mo:example.org") or percent-encoded as in request paths ("%40mo%3Aexample.org").
// Room ids of room version 12 and event ids of versions 3+ have no server part, but are long.
const IDS = new RegExp(
  [
    String.raw`(?<user>(?:@|%40)${LOCAL}(?::|%3A)${SERVER})`,
    String.raw`(?<room>(?:!|%21)(?:${OPAQUE}(?::|%3A)${SERVER}|${LONG_OPAQUE}))`,
    String.raw`(?<alias>(?:#|%23)${LOCAL}(?::|%3A)${SERVER})`,
    String.raw`(?<event>(?:\$|%24)(?:${OPAQUE}(?::|%3A)${SERVER}|${LONG_OPAQUE}))`,
  ].join("|"),
  "g",
);

function decoded(id: string): string {
  try {
    return decodeURIComponent(id);
  } catch {
    return id;
  }
}

/**
 * Replaces every Matrix user id, room id, room alias and event id in `text` with a short keyed hash
 * (`user-…`, `room-…`, `alias-…`, `event-…`): the same id gives the same hash in this process,
 * whether written raw or percent-encoded, and nothing outside the process can turn it back.
 */
export function redactIds(text: string): string {
  return text.replace(IDS, (match, ...rest: unknown[]) => {
    const groups = rest.at(-1) as Record<string, string | undefined>;
    const kind = Object.keys(groups).find((k) => groups[k] !== undefined) ?? "id";
    return shortHash(kind, decoded(match));
  });
}

/**
 * What a log may say about an error: its class, the homeserver's error code if any, and where it
 * happened. Never its message: messages of errors thrown on user input or cell data (JSON, SQLite,
 * zod) can quote what someone typed, and a stack's first line repeats the message.
 */
export function errorForLog(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const code = (err as { errcode?: unknown }).errcode;
  return {
    type: err.name,
    ...(typeof code === "string" ? { code } : {}),
    at: err.stack
      ?.split("\n")
      .slice(1, 9)
      .map((l) => l.trim()),
  };
}
