import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { HEAP_GROWING_PERCENT } from "../../src/platform/heap-growth.js";
import { packageRoot } from "../../src/platform/package-root.js";

const main = join(packageRoot(), "dist", "app", "main.js");

/**
 * The V8 flags the shipped bot sets at start-up, seen from inside its process: a module loaded
 * before it (`--import`) records every call to v8.setFlagsFromString and prints them at exit.
 */
function flagsSetBy(nodeFlags: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "tandem-heap-growth-"));
  const spy = join(dir, "spy.mjs");
  writeFileSync(
    spy,
    `import v8 from "node:v8";
const set = v8.setFlagsFromString.bind(v8);
const seen = [];
v8.setFlagsFromString = (flags) => { seen.push(flags); set(flags); };
process.on("exit", () => process.stderr.write("flags set: " + JSON.stringify(seen) + "\\n"));
`,
  );
  const run = spawnSync(process.execPath, [...nodeFlags, "--import", pathToFileURL(spy).href, main, "--help"], {
    encoding: "utf8",
    timeout: 30_000,
  });
  const line = run.stderr.split("\n").find((l) => l.startsWith("flags set: "));
  if (line === undefined) throw new Error(`no flags line: ${run.stderr}`);
  return JSON.parse(line.slice("flags set: ".length)) as string[];
}

describe("the bot bounds its heap's growth (src/platform/heap-growth.ts)", () => {
  it("tells V8 to collect before the old generation grows by more than half, as it starts", () => {
    expect(flagsSetBy([])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it("leaves an operator's own bound alone, in either spelling", () => {
    expect(flagsSetBy(["--heap-growing-percent=20"])).toEqual([]);
    expect(flagsSetBy(["--heap_growing_percent=80"])).toEqual([]);
  });
});
