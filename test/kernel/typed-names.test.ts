import { typeErrors } from "../support/type-errors.js";

// Line numbers below are those of the source lines (1-based).
const source = [
  `import "../commands/index.js";`,
  `import type { RenderContext } from "../src/kernel/command.js";`,
  `import { UserError } from "../src/kernel/errors.js";`,
  `import { commandsOf } from "../src/kernel/command.js"; import { Level } from "../src/kernel/level.js"; import { param } from "../src/kernel/params.js";`,
  `const command = <G extends string>(group: G) => ({ name: "x", group, summary: "help.summary", examples: { en: [], es: [] }, level: Level.Member, run: () => 0, render: () => [] }) as const;`,
  `export const rightKey = new UserError("ledger.recorded");`,
  `export const rightHint = (view: RenderContext) => view.hint("ledger thanks");`,
  `export const misspelledKey = new UserError("ledger.recordd");`,
  `export const misspelledHint = (view: RenderContext) => view.hint("ledger thank");`,
  `export const misspelledText = (view: RenderContext) => view.t.text("help.hnit");`,
  `export const templateKey = (d: "in" | "inn") => new UserError(\`fund.line.\${d}\`);`,
  `export const labelled = commandsOf<undefined>()({ ...command("help"), params: { topic: param.word() } });`,
  `export const unlabelled = commandsOf<undefined>()({ ...command("help"), params: { nolabel: param.word() } });`,
  `export const untitledGroup = commandsOf<undefined>()({ ...command("hlep"), params: {} });`,
].join("\n");

describe("strings that address code", () => {
  it("fail the type check when a text key, a hint's command name, a parameter's label or a help group is missing, and only then", () => {
    const argumentNotAssignable = 2345;
    const notAssignable = 2322;
    expect(typeErrors(source)).toEqual([
      [8, argumentNotAssignable],
      [9, argumentNotAssignable],
      [10, argumentNotAssignable],
      [11, argumentNotAssignable],
      [13, notAssignable],
      [14, argumentNotAssignable],
    ]);
  }, 60_000);
});
