import v8 from "node:v8";

/**
 * How far V8 lets the old generation grow past what survived the last full collection before it
 * collects again, in percent. V8 chooses it itself, up to 300 % for a heap as small as a bot's: a
 * burst of messages then fills that room with garbage, and the process holds about four times its
 * live heap at its peak (bench/README.md, "Where the peak goes"). A bot waits on the network far
 * more than it computes: a few more collections cost it less than the memory of a small server.
 */
export const HEAP_GROWING_PERCENT = 50;

const FLAG = /^--heap[-_]growing[-_]percent(=|$)/;

/**
 * Sets the bound unless the operator gave V8 one on node's command line (`node
 * --heap-growing-percent=N dist/app/main.js`; NODE_OPTIONS refuses this flag). V8 reads it each
 * time it sets the next collection's limit, so setting it at start-up holds. Returns whether it
 * was set here.
 */
export function boundHeapGrowth(execArgv: readonly string[]): boolean {
  if (execArgv.some((flag) => FLAG.test(flag))) return false;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
