import { format } from "node:util";
import type { Logger as SdkLogger } from "matrix-js-sdk/lib/logger.js";
import type { Logger } from "pino";

/**
 * matrix-js-sdk (and its Rust crypto) log a lot, to the console by default. This routes them to
 * Tandem's logger: its chatter and its (many, mostly harmless) warnings at debug level, its errors
 * as warnings. Lines are formatted as console.log would ("/sync error %s", err), but only strings,
 * numbers and the names/messages of errors are kept, never event objects. The user, room and event
 * ids they quote are hashed by the logger's destination (see createLogger).
 */
export function sdkLogger(log: Logger, namespace = "matrix-sdk"): SdkLogger {
  const at =
    (level: "debug" | "warn") =>
    (...args: unknown[]) => {
      if (log.isLevelEnabled(level)) log[level]({ component: namespace }, formatSdkLine(args));
    };
  const debug = at("debug");
  return {
    trace: debug,
    debug,
    info: debug,
    warn: debug,
    error: at("warn"),
    getChild: (child: string) => sdkLogger(log, `${namespace}.${child}`),
  };
}

/**
 * matrix-js-sdk's module-level loggers write through `console.*`, looked up at call time (the sdk
 * does so on purpose, so that applications can capture them). In Matrix mode nothing else of
 * Tandem writes to the console, so its methods are pointed at the logger: stdout stays free for
 * what the operator must read, and sdk chatter follows the configured log level.
 */
export function captureSdkConsole(log: Logger): void {
  const routed = sdkLogger(log, "matrix-sdk-global");
  console.log = routed.debug;
  console.info = routed.debug;
  console.debug = routed.debug;
  console.trace = routed.debug;
  console.warn = routed.warn;
  console.error = routed.error;
}

/** util.format over the arguments an sdk log call got, with objects left out (kept as "…" so placeholders stay in step). */
export function formatSdkLine(args: unknown[]): string {
  const kept = args.map((a) =>
    typeof a === "string" || typeof a === "number" || typeof a === "bigint" || typeof a === "boolean"
      ? a
      : a instanceof Error
        ? `${a.name}: ${a.message}`
        : a === undefined || a === null
          ? String(a)
          : "…",
  );
  return format(...kept).slice(0, 500);
}
