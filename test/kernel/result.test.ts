import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import ts from "typescript";
import { packageRoot } from "../../src/platform/package-root.js";
import { err, ok } from "../../src/kernel/result.js";

const root = packageRoot();
const HOME = "src/kernel/result.ts";

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .map((file) => posix.join(dir, file.split("\\").join("/")));
}

/** Type literals that declare their own `ok: true | false` member: a success-or-error shape of their own. */
function ownResultShapes(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertySignature(node) &&
      node.name.getText(source) === "ok" &&
      node.type !== undefined &&
      ts.isLiteralTypeNode(node.type) &&
      (node.type.literal.kind === ts.SyntaxKind.TrueKeyword || node.type.literal.kind === ts.SyntaxKind.FalseKeyword)
    ) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("one Result", () => {
  it("holds a value or an error", () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err("empty")).toEqual({ ok: false, error: "empty" });
  });

  it("is the only success-or-error shape declared in the sources", () => {
    const files = [...sourcesUnder("src"), ...sourcesUnder("commands")];
    expect(files).toContain(HOME);
    expect(ownResultShapes(HOME).length).toBeGreaterThan(0);
    expect(files.filter((f) => f !== HOME).flatMap(ownResultShapes)).toEqual([]);
  });
});
