import type { Logger as SdkLogger } from "matrix-js-sdk/lib/logger.js";
import type { Logger } from "pino";

/**
 * matrix-js-sdk (and its Rust crypto) log a lot, to the console by default. This routes them to
 * Tandem's logger: debug chatter at debug level, warnings and errors as warnings. Only the text
 * of the first string argument and the names/messages of errors are kept, never event objects.
 */
export function sdkLogger(log: Logger, namespace = "matrix-sdk"): SdkLogger {
  const summarise = (args: unknown[]): string =>
    args
      .map((a) => (typeof a === "string" ? a : a instanceof Error ? `${a.name}: ${a.message}` : ""))
      .filter((s) => s !== "")
      .join(" ")
      .slice(0, 500);
  const at = (level: "debug" | "warn") => (...args: unknown[]) => {
    if (log.isLevelEnabled(level)) log[level]({ component: namespace }, summarise(args));
  };
  const debug = at("debug");
  return {
    trace: debug,
    debug,
    info: debug,
    warn: at("warn"),
    error: at("warn"),
    getChild: (child: string) => sdkLogger(log, `${namespace}.${child}`),
  };
}
