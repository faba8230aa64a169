/**
 * Jest global setup of the e2e project: one real Synapse for the whole suite, and a fresh build of
 * the bot (the tests run `node dist/app/main.js` as an operator would).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Jest loads global setup files with Node's own loader (type stripping, no ".js" → ".ts" mapping).
type Harness = typeof import("./synapse.js");
const harness = (): Promise<Harness> => import(new URL("./synapse.ts", import.meta.url).href) as Promise<Harness>;

export default async function globalSetup(): Promise<void> {
  const { ensureSynapseInstalled, prepareSynapse, registerUser, startSynapse, STATE_ENV, writeState } = await harness();
  if (process.env.npm_lifecycle_event !== "test") buildBot();
  const python = ensureSynapseInstalled((line) => console.log(`\n${line}`));
  const prepared = await prepareSynapse(python);
  const started = await startSynapse(prepared);
  const statePath = join(mkdtempSync(join(tmpdir(), "tandem-e2e-")), "synapse.json");
  writeState(statePath, started);
  process.env[STATE_ENV] = statePath;
  // Proves the shared-secret registration works before any test relies on it.
  await registerUser(started, "harness-probe");
  console.log(`\ntandem e2e: Synapse ${started.version} on ${started.baseUrl} (log: ${started.logPath})`);
}

function buildBot(): void {
  const result = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], {
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`tandem e2e: the build failed:\n${result.stdout}${result.stderr}`);
}
