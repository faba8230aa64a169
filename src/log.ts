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
