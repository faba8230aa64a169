import { existsSync, rmSync } from "node:fs";
import { dirname } from "node:path";

// Jest loads global teardown files with Node's own loader (type stripping, no ".js" → ".ts" mapping).
type Harness = typeof import("./synapse.js");
const harness = (): Promise<Harness> => import(new URL("./synapse.ts", import.meta.url).href) as Promise<Harness>;

/** Stops the suite's Synapse (and any a suite left running); their folders (and logs) are kept when TANDEM_E2E_KEEP=1. */
export default async function globalTeardown(): Promise<void> {
  const { leftoverHomeservers, readState, STATE_ENV, stopSynapse } = await harness();
  const statePath = process.env[STATE_ENV];
  if (!statePath || !existsSync(statePath)) return;
  const state = readState();
  await stopSynapse(state);
  // Servers a suite started and could not stop (its worker died first).
  const leftovers = leftoverHomeservers();
  await Promise.all(leftovers.map((extra) => stopSynapse(extra)));
  if (process.env.TANDEM_E2E_KEEP === "1") {
    console.log(`\ntandem e2e: Synapse folder kept at ${state.dir}`);
    return;
  }
  for (const { dir } of [state, ...leftovers]) rmSync(dir, { recursive: true, force: true });
  rmSync(dirname(statePath), { recursive: true, force: true });
}
