/**
 * Loaded into the bot's own process by the backup-flow bench (`node --import`), never by Tandem:
 * with BACKUP_FLOW_PROBE set to a file, it appends one JSON line a second with the longest
 * event-loop delay of that second, how long each command's handling took in it (the dispatcher's
 * synchronous `handle`: parse, run, commit), and the process's memory. Nothing about a command
 * but its duration is kept. The dispatcher is wrapped on its prototype, as bench/scale/stages.ts
 * does, which reaches the bot's instance because an ES module is loaded once per URL.
 */
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { Dispatcher } from "../../src/kernel/dispatcher.js";

export interface ProbeLine {
  /** Wall clock (ms) and the monotonic clock V8's CPU profiles use (µs), at the end of the second. */
  at: number;
  monotonicUs: number;
  stallMaxMs: number;
  handledMs: number[];
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

const out = process.env["BACKUP_FLOW_PROBE"];
if (out) {
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  let handled: number[] = [];
  const prototype = Dispatcher.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const handle = prototype["handle"]!;
  prototype["handle"] = function (this: unknown, ...args: unknown[]) {
    const start = performance.now();
    try {
      return handle.apply(this, args);
    } finally {
      handled.push(performance.now() - start);
    }
  };
  const write = () => {
    const memory = process.memoryUsage();
    const line: ProbeLine = {
      at: Date.now(),
      monotonicUs: Number(process.hrtime.bigint() / 1000n),
      stallMaxMs: delay.max / 1e6,
      handledMs: handled,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
    };
    handled = [];
    delay.reset();
    appendFileSync(out, `${JSON.stringify(line)}\n`);
  };
  setInterval(write, 1000).unref();
}
