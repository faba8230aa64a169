import { existsSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { readState, STATE_ENV, stopSynapse } from "./synapse.js";

/** Stops the suite's Synapse; its folder (and log) is kept when TANDEM_E2E_KEEP=1. */
export default async function globalTeardown(): Promise<void> {
  const statePath = process.env[STATE_ENV];
  if (!statePath || !existsSync(statePath)) return;
  const state = readState();
  await stopSynapse(state);
  if (process.env.TANDEM_E2E_KEEP === "1") {
    console.log(`\ntandem e2e: Synapse folder kept at ${state.dir}`);
    return;
  }
  rmSync(state.dir, { recursive: true, force: true });
  rmSync(dirname(statePath), { recursive: true, force: true });
}
