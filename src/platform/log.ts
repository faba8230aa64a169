import { pino, type Logger } from "pino";

/**
 * Structured logs on stderr (stdout belongs to the console transport). Redaction is a safety net:
 * the code never passes message bodies, typed names or secrets to the logger in the first place.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: { app: "tandem" },
      redact: {
        paths: ["accessToken", "password", "*.accessToken", "*.password", "*.cryptoStoreKey", "*.recoveryKey", "body", "*.body", "formatted_body", "*.formatted_body"],
        censor: "[hidden]",
      },
    },
    pino.destination(2),
  );
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
    at: err.stack?.split("\n").slice(1, 9).map((l) => l.trim()),
  };
}
