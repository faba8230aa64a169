import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { packageRoot } from "../../src/platform/package-root.js";

/**
 * The bot ships as one module (scripts/bundle.mjs, README "Why the bot ships as one module"):
 * what `npm run build` left in dist/app, read from esbuild's own account of it (its metafile), as
 * the e2e suites and the image run it.
 */
const root = packageRoot();

interface BundleScript {
  BUNDLED: Set<string>;
  METAFILE: string;
  packageOf(specifier: string): string;
}

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { imports: { path: string; external?: boolean }[]; entryPoint?: string }>;
}

const builtin = (specifier: string) => specifier.startsWith("node:") || builtinModules.includes(specifier);

describe("the shipped bot is one module (scripts/bundle.mjs)", () => {
  let script: BundleScript;
  let meta: Metafile;

  beforeAll(async () => {
    script = (await import(pathToFileURL(join(root, "scripts", "bundle.mjs")).href)) as BundleScript;
    const path = join(root, script.METAFILE);
    if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first (npm test does it)`);
    meta = JSON.parse(readFileSync(path, "utf8")) as Metafile;
  });

  const outputs = () => Object.entries(meta.outputs).filter(([file]) => file.endsWith(".js"));
  const imports = () => outputs().flatMap(([, output]) => output.imports);

  it("holds Tandem's own code: its files are inside, and it imports no file but its own chunks", () => {
    const entry = outputs().find(([, output]) => output.entryPoint === "dist/app/main.js");
    expect(entry?.[0]).toBe("dist/app/main.js");
    const inputs = Object.keys(meta.inputs);
    for (const part of ["dist/src/kernel/", "dist/commands/", "dist/src/transport/matrix/"]) {
      expect(inputs.some((input) => input.startsWith(part))).toBe(true);
    }
    const files = new Set(outputs().map(([file]) => file));
    for (const { path, external } of imports()) {
      if (external === true) expect(path.startsWith(".") || path.startsWith("/")).toBe(false);
      else expect(files.has(path)).toBe(true);
    }
  });

  it("imports no package it bundles, and only packages the image keeps (dependencies, not dev ones)", () => {
    const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const external = imports().filter((i) => i.external === true && !builtin(i.path));
    const packages = [...new Set(external.map((i) => script.packageOf(i.path)))];
    expect(packages.filter((name) => script.BUNDLED.has(name))).toEqual([]);
    expect(packages.filter((name) => !(name in manifest.dependencies))).toEqual([]);
    // Those the bundle must leave to node_modules: a WASM file, a native addon, patched internals.
    expect(packages).toEqual(
      expect.arrayContaining([
        "@matrix-org/matrix-sdk-crypto-wasm",
        "better-sqlite3-multiple-ciphers",
        "fake-indexeddb",
      ]),
    );
    // And each bundled package is inside: none of its files would be loaded twice.
    const bundledFrom = new Set(
      Object.keys(meta.inputs).flatMap((input) => {
        const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
        return match ? [match[1] as string] : [];
      }),
    );
    expect([...script.BUNDLED].filter((name) => !bundledFrom.has(name))).toEqual([]);
  });
});
