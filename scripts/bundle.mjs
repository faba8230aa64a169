// The bot as it ships: dist/app/main.js (tsc's output) rewritten as one module with Tandem's own
// code and the pure-JS libraries below, whitespace and syntax minified, names kept.
//
// Why: V8 keeps every loaded module's source and records. Tandem's ~350 modules, zod's 95 and the
// Matrix SDK's ~170 cost more heap than the code they run: as one module (tree-shaken where a
// library allows it; zod does not, its 60 locales stay) Tandem starts with ~9 MiB less heap
// (bench/README.md, "The bot as one module").
// Everything else stays an import of node_modules, as published: packages that load files beside
// their own (WASM, native addons, workers, fonts), and fake-indexeddb, whose internals Tandem patches.
// Tests run this same file (the e2e suites spawn dist/app/main.js).
//   node scripts/bundle.mjs          (npm run build runs it after tsc)
import { build } from "esbuild";
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Pure JavaScript with no files of their own to load at run time, imported by Tandem alone (each
 * then has one copy, in the bundle). The Matrix SDK's Rust crypto is not among them: it loads its
 * WASM file from beside its own module.
 */
export const BUNDLED = new Set([
  // Tandem's libraries, and htmlparser2's own.
  ...["zod", "yaml", "luxon", "htmlparser2", "domhandler", "domutils", "dom-serializer", "domelementtype", "entities"],
  // matrix-js-sdk and the dependencies it imports.
  ...["matrix-js-sdk", "@babel/runtime", "another-json", "bs58", "base-x", "content-type", "loglevel"],
  ...["matrix-events-sdk", "matrix-widget-api", "p-retry", "is-network-error", "sdp-transform", "unhomoglyph"],
]);

/** The package a bare import specifier names ("@scope/name" or "name"). */
export const packageOf = (specifier) => specifier.split("/", specifier.startsWith("@") ? 2 : 1).join("/");

/** Bare imports of packages outside BUNDLED stay imports; relative ones (Tandem's, or inside a bundled package) are bundled. */
const keepOthersExternal = {
  name: "keep-others-external",
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("node:") || !BUNDLED.has(packageOf(args.path)))
        return { path: args.path, external: true };
      return undefined;
    });
  },
};

const OUT = "dist/app";
/** What went into each output file and what each imports, for test/platform/bundle.test.ts. */
export const METAFILE = "dist/bundle-meta.json";
export async function bundle() {
  // Chunks are named by their content: those of an earlier build would stay behind.
  for (const file of readdirSync(OUT)) if (file.startsWith("chunk-")) rmSync(join(OUT, file));
  const result = await build({
    entryPoints: ["dist/app/main.js"],
    // Split so that a module imported only on demand (the metrics server) stays out of start-up,
    // with the packages it imports: dist/app/main.js, plus a chunk file for each such module.
    outdir: OUT,
    splitting: true,
    chunkNames: "chunk-[hash]",
    allowOverwrite: true,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    minifyWhitespace: true,
    minifySyntax: true,
    // Chained to tsc's maps: `node --enable-source-maps` shows the TypeScript lines in a stack.
    sourcemap: "linked",
    // A bundled CommonJS library may require Node's built-ins: give the module a `require`.
    banner: {
      js: 'import { createRequire as __tandemRequire } from "node:module"; const require = __tandemRequire(import.meta.url);',
    },
    plugins: [keepOthersExternal],
    logLevel: "warning",
    metafile: true,
  });
  writeFileSync(METAFILE, JSON.stringify(result.metafile));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await bundle();
