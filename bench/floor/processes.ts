/** What the benches that run bots as child processes share: waiting for a log line, stopping, peak RSS, percentiles. */
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";

export function waitForLine(
  child: ChildProcess,
  stream: "stdout" | "stderr",
  match: (line: string) => boolean,
  what: string,
): Promise<void> {
  const last: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}:\n${last.join("\n")}`)), 120_000);
    createInterface({ input: child[stream]! }).on("line", (line) => {
      last.push(line);
      last.splice(0, last.length - 20);
      if (match(line)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`${what}: the process exited (${code}):\n${last.join("\n")}`)));
  });
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The most memory the process ever held resident (Linux: VmHWM), in MiB. */
export function peakRssMiB(child: ChildProcess): number {
  const line = readFileSync(`/proc/${child.pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmHWM:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1] ?? NaN) / 1024;
}

/** The CPU time the process has used so far (user + system), in seconds (Linux: USER_HZ is 100). */
export function cpuSeconds(child: ChildProcess): number {
  const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(kill);
}
