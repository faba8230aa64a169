/**
 * Where two heap snapshots differ (the floor's FLOOR_HEAP_SNAPSHOTS: the echo bot's and Tandem's at
 * the end of their bursts): self size summed by what V8 calls the object (its constructor for
 * objects and closures, its kind for strings, arrays, code), largest differences first.
 * With the .smaps files the floor copies beside them (read at the same moment), also what is
 * resident by kind of mapping, since most of a bot's RSS is outside the JS heap.
 * Run: node --max-old-space-size=4096 dist/bench/floor/heap-summary.js <echo.heapsnapshot> <tandem.heapsnapshot> [rows]
 */
import { existsSync, readFileSync } from "node:fs";

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Bytes by group, and the heap's total. */
export function heapByGroup(path: string): { total: number; groups: Map<string, { bytes: number; count: number }> } {
  const heap = JSON.parse(readFileSync(path, "utf8")) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
  const groups = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let i = 0; i < heap.nodes.length; i += fields.length) {
    const type = types[heap.nodes[i + typeAt!]!]!;
    const name = heap.strings[heap.nodes[i + nameAt!]!]!;
    const size = heap.nodes[i + sizeAt!]!;
    const group =
      type === "object" || type === "closure" || type === "native" || type === "hidden"
        ? `${name.slice(0, 60)} (${type})`
        : type === "array" || type === "code" || type === "object shape"
          ? `(${type}) ${name.slice(0, 40)}`
          : `(${type})`;
    const entry = groups.get(group) ?? { bytes: 0, count: 0 };
    entry.bytes += size;
    entry.count++;
    groups.set(group, entry);
    total += size;
  }
  return { total, groups };
}

/** Resident KiB by kind of mapping, from /proc/<pid>/smaps. */
export function residentByMapping(path: string): Map<string, number> {
  const kinds = new Map<string, number>();
  let kind = "";
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1]!.trim();
      kind = name === "" ? "anonymous" : name.startsWith("[") ? name : `file: ${name.split("/").at(-1)}`;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) kinds.set(kind, (kinds.get(kind) ?? 0) + Number(rss[1]));
  }
  return kinds;
}

if (process.argv[1]?.endsWith("heap-summary.js")) {
  const [echoPath, tandemPath, rows] = process.argv.slice(2);
  const echo = heapByGroup(echoPath!);
  const tandem = heapByGroup(tandemPath!);
  const MiB = (b: number) => (b / 1024 / 1024).toFixed(1);
  console.log(`heap: echo ${MiB(echo.total)} MiB, Tandem ${MiB(tandem.total)} MiB\n`);
  console.log("| what | echo MiB (count) | Tandem MiB (count) | difference |\n|---|---|---|---|");
  const names = new Set([...echo.groups.keys(), ...tandem.groups.keys()]);
  const diff = [...names]
    .map((n) => ({
      n,
      e: echo.groups.get(n) ?? { bytes: 0, count: 0 },
      t: tandem.groups.get(n) ?? { bytes: 0, count: 0 },
    }))
    .sort((a, b) => Math.abs(b.t.bytes - b.e.bytes) - Math.abs(a.t.bytes - a.e.bytes));
  for (const { n, e, t } of diff.slice(0, Number(rows ?? 30)))
    console.log(`| ${n} | ${MiB(e.bytes)} (${e.count}) | ${MiB(t.bytes)} (${t.count}) | ${MiB(t.bytes - e.bytes)} |`);
  const smaps = [echoPath!, tandemPath!].map((p) => p.replace(/\.heapsnapshot$/, ".smaps"));
  if (smaps.every((p) => existsSync(p))) {
    const [e, t] = smaps.map(residentByMapping) as [Map<string, number>, Map<string, number>];
    const kinds = [...new Set([...e.keys(), ...t.keys()])]
      .map((k) => ({ k, e: (e.get(k) ?? 0) / 1024, t: (t.get(k) ?? 0) / 1024 }))
      .filter((r) => r.e > 1 || r.t > 1)
      .sort((a, b) => b.t - b.e - (a.t - a.e));
    console.log("\n| resident, by mapping | echo MiB | Tandem MiB | difference |\n|---|---|---|---|");
    for (const r of kinds)
      console.log(`| ${r.k} | ${r.e.toFixed(1)} | ${r.t.toFixed(1)} | ${(r.t - r.e).toFixed(1)} |`);
  }
}
