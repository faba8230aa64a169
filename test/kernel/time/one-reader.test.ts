import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import ts from "typescript";
import { packageRoot } from "../../../src/platform/package-root.js";

const root = packageRoot();
const READERS = new Set(["parseWhen", "parseUntil", "parseTrailingWhen"]);

/** Every call of a time reader in a feature or a transport whose context is not the room's (`whenContextOf`). */
function ownContexts(): string[] {
  const found: string[] = [];
  for (const dir of ["commands", "src/transport"]) {
    for (const file of readdirSync(join(root, dir), { recursive: true, encoding: "utf8" }).filter((f) =>
      f.endsWith(".ts"),
    )) {
      const path = posix.join(dir, file.split("\\").join("/"));
      const source = ts.createSourceFile(path, readFileSync(join(root, path), "utf8"), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && READERS.has(node.expression.text)) {
          const context = node.arguments[1];
          const fromRoom =
            context !== undefined &&
            ts.isCallExpression(context) &&
            context.expression.getText(source) === "whenContextOf";
          if (!fromRoom) found.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return found;
}

describe("one time reader", () => {
  it("reads every typed time in the room's zone, clock and language (whenContextOf), so every command knows the same forms", () => {
    expect(ownContexts()).toEqual([]);
  });
});
