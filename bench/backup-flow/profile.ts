/**
 * Where the CPU went in a V8 CPU profile (`node --cpu-prof`) between two instants: self time by
 * what the code belongs to (the Rust crypto's WASM, its JS bindings, fake-indexeddb, Tandem's
 * IndexedDB mirror, matrix-js-sdk, …; a native function counts for the code that called it), and
 * the longest stretches without a pause (idle samples), which are the event-loop stalls.
 * Run alone: node dist/bench/backup-flow/profile.js <file.cpuprofile> [fromUs toUs]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  text: string;
}

const SPECIAL = new Set(["(idle)", "(program)", "(garbage collector)", "(root)"]);

function owner(url: string): string | undefined {
  if (url.startsWith("wasm://")) return "Rust crypto (WASM)";
  if (url.includes("matrix-sdk-crypto-wasm")) return "Rust crypto's JS bindings";
  if (url.includes("fake-indexeddb")) return "fake-indexeddb";
  if (url.includes("/src/transport/matrix/idb")) return "Tandem's IndexedDB mirror (idb*)";
  if (url.includes("better-sqlite3")) return "better-sqlite3";
  if (url.includes("matrix-js-sdk")) return "matrix-js-sdk";
  if (url.includes("/dist/src/") || url.includes("/dist/app/") || url.includes("/dist/bench/")) return "Tandem (other)";
  if (url.startsWith("node:internal/deps/undici")) return "HTTP (Node's fetch, undici)";
  if (url.startsWith("node:")) return "Node internals";
  if (url !== "") return "other modules";
  return undefined;
}

export function summarizeProfile(
  path: string,
  fromUs = 0,
  toUs = Number.POSITIVE_INFINITY,
  stalls: { endUs: number; ms: number }[] = [],
): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const categoryOf = new Map<number, string>();
  const category = (id: number): string => {
    const known = categoryOf.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const name = node.callFrame.functionName;
    let found: string | undefined;
    if (SPECIAL.has(name)) found = name;
    for (let at: number | undefined = id; found === undefined && at !== undefined; at = parent.get(at))
      found = owner(byId.get(at)!.callFrame.url);
    const result = found ?? "native, unattributed";
    categoryOf.set(id, result);
    return result;
  };
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    return `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}`;
  };

  const totals = new Map<string, number>();
  let busy = 0;
  const stretches: { startUs: number; us: number; samples: number[] }[] = [];
  let current: { startUs: number; us: number; samples: number[] } | undefined;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    // A sample's time is the gap to the next one.
    const us = profile.timeDeltas[i + 1] ?? 0;
    if (t < fromUs || t > toUs) continue;
    const id = profile.samples[i]!;
    const what = category(id);
    if (what === "(idle)") {
      current = undefined;
      continue;
    }
    totals.set(what, (totals.get(what) ?? 0) + us);
    busy += us;
    if (!current) {
      current = { startUs: t, us: 0, samples: [] };
      stretches.push(current);
    }
    current.us += us;
    current.samples.push(id);
  }
  const windowUs = Math.min(toUs, t) - Math.max(fromUs, profile.startTime);
  const lines: string[] = [];
  lines.push(
    `CPU in the window: ${(busy / 1e6).toFixed(1)} s busy of ${(windowUs / 1e6).toFixed(1)} s`,
    "| self time by owner | share of busy |",
    "|---|---|",
  );
  for (const [what, us] of [...totals].sort((a, b) => b[1] - a[1]))
    lines.push(`| ${what} | ${((100 * us) / busy).toFixed(1)} % (${(us / 1000).toFixed(0)} ms) |`);
  const long = stretches.filter((s) => s.us > 50_000).sort((a, b) => b.us - a.us);
  lines.push(
    `\nStretches without an idle sample: ${stretches.length}, over 50 ms: ${long.length} (${(long.reduce((s, x) => s + x.us, 0) / 1e6).toFixed(1)} s)`,
  );
  // What the stretches over 50 ms are made of, and the five longest with their top functions.
  const inLong = new Map<string, number>();
  for (const s of long) for (const id of s.samples) inLong.set(category(id), (inLong.get(category(id)) ?? 0) + 1);
  const longSamples = long.reduce((n, s) => n + s.samples.length, 0);
  if (longSamples > 0)
    lines.push(
      `In them: ${[...inLong]
        .sort((a, b) => b[1] - a[1])
        .map(([what, n]) => `${what} ${((100 * n) / longSamples).toFixed(0)} %`)
        .join(", ")}`,
    );
  for (const s of long.slice(0, 5)) {
    const byFunction = new Map<number, number>();
    for (const id of s.samples) byFunction.set(id, (byFunction.get(id) ?? 0) + 1);
    const top = [...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([id, n]) => `${label(id)} [${category(id)}] ${((100 * n) / s.samples.length).toFixed(0)} %`);
    lines.push(`- ${(s.us / 1000).toFixed(0)} ms at +${((s.startUs - fromUs) / 1e6).toFixed(1)} s: ${top.join("; ")}`);
  }
  // The event-loop stalls the probe saw (a 2 ms timer late by more than 50 ms): the samples inside them, by owner.
  if (stalls.length > 0) {
    const inStalls = new Map<string, number>();
    let stallUs = 0;
    t = profile.startTime;
    const windows = stalls.map((s) => [s.endUs - s.ms * 1000, s.endUs] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i]!;
      if (!windows.some(([from, to]) => t >= from && t <= to)) continue;
      const us = profile.timeDeltas[i + 1] ?? 0;
      const what = category(profile.samples[i]!);
      inStalls.set(what, (inStalls.get(what) ?? 0) + us);
      stallUs += us;
    }
    lines.push(
      `\nEvent-loop stalls over 50 ms seen by the probe: ${stalls.length}, ${(stalls.reduce((s, x) => s + x.ms, 0) / 1000).toFixed(1)} s in all; ` +
        `the profile's samples in them: ${[...inStalls]
          .sort((a, b) => b[1] - a[1])
          .map(([what, us]) => `${what} ${((100 * us) / stallUs).toFixed(0)} %`)
          .join(", ")}`,
    );
  }
  return { text: lines.join("\n") };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, from, to] = process.argv.slice(2);
  console.log(summarizeProfile(file!, from ? Number(from) : 0, to ? Number(to) : Number.POSITIVE_INFINITY).text);
}
