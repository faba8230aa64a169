/**
 * Loaded into the bot's own process by the backup-flow bench (`node --import`), never by Tandem:
 * with BACKUP_FLOW_PROBE set to a file, it appends one JSON line a second with the longest
 * event-loop delay of that second, how long each command's handling took in it (the dispatcher's
 * synchronous `handle`: parse, run, commit), and the process's memory. Nothing about a command
 * but its duration is kept. The handling is timed through the dispatcher's diagnostics channel
 * (`HANDLING_CHANNEL`), which reaches into the bundled bot.
 */
import { tracingChannel } from "node:diagnostics_channel";
import { appendFileSync, readFileSync } from "node:fs";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { HANDLING_CHANNEL } from "../../src/kernel/dispatcher.js";

export interface ProbeLine {
  /** Wall clock (ms) and the monotonic clock V8's CPU profiles use (µs), at the end of the second. */
  at: number;
  monotonicUs: number;
  stallMaxMs: number;
  handledMs: number[];
  /**
   * The same, only for the commands during which the main thread was never preempted (its
   * `nonvoluntary_ctxt_switches` in /proc/thread-self/status did not move): the handling's own time,
   * without the time the OS gave to other threads and processes.
   */
  unpreemptedMs: number[];
  /**
   * Each gap over STALL_MS between two ticks of a 2 ms timer: when it ended (monotonic µs), how
   * long it was, and how much of it the main thread ran on a CPU (the rest it waited for one: on
   * a shared machine the OS's scheduling, not the bot's work). The thread's CPU clock moves in
   * steps of up to ~4 ms: enough for a stall, too coarse for one command's handling.
   */
  stalls: { endUs: number; ms: number; cpuMs: number }[];
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

const out = process.env["BACKUP_FLOW_PROBE"];
const STALL_MS = 50;
if (out) {
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  let handled: number[] = [];
  let unpreempted: number[] = [];
  const preemptions = () =>
    Number(/nonvoluntary_ctxt_switches:\s*(\d+)/.exec(readFileSync("/proc/thread-self/status", "utf8"))?.[1]);
  const cpuMs = () => {
    const used = process.threadCpuUsage();
    return (used.user + used.system) / 1000;
  };
  // The bot is one bundled module: its dispatcher is reached through the channel it publishes on.
  const started = new WeakMap<object, { start: number; switches: number }>();
  tracingChannel<object, object>(HANDLING_CHANNEL).subscribe({
    start: (context) => {
      started.set(context, { switches: preemptions(), start: performance.now() });
    },
    end: (context) => {
      const begun = started.get(context);
      if (begun === undefined) return;
      const ms = performance.now() - begun.start;
      handled.push(ms);
      if (preemptions() === begun.switches) unpreempted.push(ms);
    },
    asyncStart: () => {},
    asyncEnd: () => {},
    error: () => {},
  });
  let stalls: ProbeLine["stalls"] = [];
  // The first gap would run from this module's loading to the first tick: the bot's own start-up
  // (loading its modules, deriving the database key), which a run once counted as a backup stall.
  let [lastTick, lastCpu] = [Number.NaN, 0];
  setInterval(() => {
    const [now, cpu] = [performance.now(), cpuMs()];
    if (now - lastTick > STALL_MS)
      stalls.push({ endUs: Number(process.hrtime.bigint() / 1000n), ms: now - lastTick, cpuMs: cpu - lastCpu });
    [lastTick, lastCpu] = [now, cpu];
  }, 2).unref();
  const write = () => {
    const memory = process.memoryUsage();
    const line: ProbeLine = {
      at: Date.now(),
      monotonicUs: Number(process.hrtime.bigint() / 1000n),
      stallMaxMs: delay.max / 1e6,
      handledMs: handled,
      unpreemptedMs: unpreempted,
      stalls,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
      external: memory.external,
      arrayBuffers: memory.arrayBuffers,
    };
    handled = [];
    unpreempted = [];
    stalls = [];
    delay.reset();
    appendFileSync(out, `${JSON.stringify(line)}\n`);
  };
  setInterval(write, 1000).unref();
}
