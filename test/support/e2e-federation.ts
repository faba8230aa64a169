/**
 * Two Synapses that federate over 127.0.0.1, for the suites that need a second homeserver. The
 * suite's shared server (the global setup's) does not federate and keeps its name "localhost":
 * a pair of its own leaves every other suite as it was, and costs only the suites that ask.
 */
import { rmSync } from "node:fs";
import {
  federationServerName,
  freePort,
  prepareSynapse,
  readState,
  startSynapse,
  stopSynapse,
  trackHomeserver,
  type SynapseState,
} from "./synapse.js";

export interface FederatedHomeservers {
  one: SynapseState;
  two: SynapseState;
  /** Stops both servers and removes their folders (kept with TANDEM_E2E_KEEP=1). */
  stop(): Promise<void>;
}

/** Distinct free ports: two quick calls to the kernel may hand back the same one. */
async function distinctPorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

export async function startFederatedHomeservers(): Promise<FederatedHomeservers> {
  const { python } = readState();
  const [portOne, portTwo] = (await distinctPorts(2)) as [number, number];
  const group = [federationServerName(portOne), federationServerName(portTwo)];
  const prepared = await Promise.all([
    prepareSynapse(python, { federation: { port: portOne, group } }),
    prepareSynapse(python, { federation: { port: portTwo, group } }),
  ]);
  const started = await Promise.allSettled(prepared.map((state) => startSynapse(state)));
  const running = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const tracked = running.map(trackHomeserver);
  const stop = async () => {
    await Promise.all(running.map((state) => stopSynapse(state)));
    tracked.forEach((path) => rmSync(path, { force: true }));
    if (process.env.TANDEM_E2E_KEEP !== "1")
      prepared.forEach((state) => rmSync(state.dir, { recursive: true, force: true }));
  };
  const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { one: running[0]!, two: running[1]!, stop };
}
