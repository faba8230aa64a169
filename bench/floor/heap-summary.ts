/**
 * Where two heap snapshots differ (the floor's FLOOR_HEAP_SNAPSHOTS: the echo bot's and Tandem's at
 * the end of their bursts): self size summed by what V8 calls the object (its constructor for
 * objects and closures, its kind for strings, arrays, code), largest differences first.
 * Run: node --max-old-space-size=4096 dist/bench/floor/heap-summary.js <echo.heapsnapshot> <tandem.heapsnapshot> [rows]
 */
import { readFileSync } from "node:fs";

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
}
