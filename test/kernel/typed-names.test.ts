import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { packageRoot } from "../../src/platform/package-root.js";

const root = packageRoot();

/**
 * The type checker, with the options `npm run lint` uses, on one file that imports the real
 * registry and kernel: what it reports about that file's lines, as [line, code].
 */
function typeErrors(source: string): [number, number][] {
  const dir = mkdtempSync(join(root, ".typecheck-"));
  try {
    const file = join(dir, "broken.ts");
    writeFileSync(file, source);
    const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
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

// Line numbers below are those of the source lines (1-based).
const source = [
  `import "../commands/index.js";`,
  `import type { RenderContext } from "../src/kernel/command.js";`,
  `import { UserError } from "../src/kernel/errors.js";`,
  `export const rightKey = new UserError("ledger.recorded");`,
  `export const rightHint = (view: RenderContext) => view.hint("ledger thanks");`,
  `export const misspelledKey = new UserError("ledger.recordd");`,
  `export const misspelledHint = (view: RenderContext) => view.hint("ledger thank");`,
  `export const misspelledText = (view: RenderContext) => view.t.text("help.hnit");`,
  `export const templateKey = (d: "in" | "inn") => new UserError(\`fund.line.\${d}\`);`,
].join("\n");

describe("strings that address code", () => {
  it("fail the type check when a text key or a hint's command name is misspelled, and only then", () => {
    const argumentNotAssignable = 2345;
    expect(typeErrors(source)).toEqual([
      [6, argumentNotAssignable],
      [7, argumentNotAssignable],
      [8, argumentNotAssignable],
      [9, argumentNotAssignable],
    ]);
  }, 60_000);
});
