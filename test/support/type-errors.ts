import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { packageRoot } from "../../src/platform/package-root.js";

const root = packageRoot();

/**
 * The type checker, with the options `npm run lint` uses, on one file that imports the real
 * registry and kernel: what it reports about that file's lines, as [line, code]. The file sits one
 * folder below the package root, so it imports `../src/…` and `../commands/…`.
 */
export function typeErrors(source: string): [number, number][] {
  const dir = mkdtempSync(join(root, ".typecheck-"));
  try {
    const file = join(dir, "broken.ts");
    writeFileSync(file, source);
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, "tsconfig.json"),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    );
    if (!config) throw new Error("tsconfig.json could not be read");
    const program = ts.createProgram([file], { ...config.options, noEmit: true });
    // Only this file is checked: the checker then reads of the others just what this one uses.
    const checked = program.getSourceFile(file)!;
    return [...program.getSyntacticDiagnostics(checked), ...program.getSemanticDiagnostics(checked)]
      .map((d): [number, number] => [checked.getLineAndCharacterOfPosition(d.start ?? 0).line + 1, d.code])
      .sort((a, b) => a[0] - b[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
