import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import ts from "typescript";
import { packageRoot } from "../../src/platform/package-root.js";

const root = packageRoot();

interface Import {
  from: string;
  to: string;
}

/** Every .ts file under `dir`, as a path from the package root with forward slashes. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))
    .map((file) => posix.join(dir, file.split("\\").join("/")));
}

/** The files `file` imports from this package (packages and Node's own modules left out). */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest);
  const found: Import[] = [];
  const add = (specifier: ts.Expression | undefined) => {
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith(".")) return;
    found.push({ from: file, to: posix.join(dirname(file), specifier.text).replace(/\.js$/, ".ts") });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = [...sourcesUnder("app"), ...sourcesUnder("src"), ...sourcesUnder("commands")];
const imports = files.flatMap(importsOf);
const shown = (list: Import[]) => list.map((i) => `${i.from} → ${i.to}`);
const under = (file: string, ...folders: string[]) => folders.some((folder) => file.startsWith(folder));
/** The feature folder a file belongs to ("ledger" for commands/ledger/…), if any. */
const featureOf = (file: string) => /^commands\/([^/]+)\//.exec(file)?.[1];

/**
 * The arrows of the house (commands/README.md), read from the import statements of every source
 * file: the kernel and the platform know no feature and no transport, a feature reaches another
 * only through its index.ts, and nothing imports in a circle.
 */
describe("layering", () => {
  it("reads imports from the sources", () => {
    expect(files).toContain("app/app.ts");
    expect(imports.filter((i) => i.from === "app/app.ts").map((i) => i.to)).toContain("commands/index.ts");
  });

  it("keeps the kernel and the platform free of features and transports", () => {
    const wrong = imports.filter(
      (i) => under(i.from, "src/kernel/", "src/platform/") && under(i.to, "commands/", "src/transport/"),
    );
    expect(shown(wrong)).toEqual([]);
  });

  it("keeps the transports free of features", () => {
    expect(shown(imports.filter((i) => under(i.from, "src/transport/") && under(i.to, "commands/")))).toEqual([]);
  });

  it("lets a feature import only the kernel, the platform, its own files and other features' index.ts", () => {
    const allowed = (i: Import, feature: string) =>
      under(i.to, "src/kernel/", "src/platform/", `commands/${feature}/`) || /^commands\/[^/]+\/index\.ts$/.test(i.to);
    const wrong = imports.filter((i) => {
      const feature = featureOf(i.from);
      return feature !== undefined && !allowed(i, feature);
    });
    expect(shown(wrong)).toEqual([]);
  });

  it("lets nothing in src/ import the features: the composition root (app/) stands above them", () => {
    expect(shown(imports.filter((i) => under(i.from, "src/") && under(i.to, "commands/")))).toEqual([]);
  });

  it("lets nothing but the composition root import the composition root", () => {
    expect(shown(imports.filter((i) => !under(i.from, "app/") && under(i.to, "app/")))).toEqual([]);
  });

  it("has no import cycles, not even through types", () => {
    expect(cycles(imports)).toEqual([]);
  });
});

/** Each cycle of the import graph once, as the files around it (Tarjan's strongly connected components). */
function cycles(edges: Import[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const to of next.get(file) ?? []) {
      if (!index.has(to)) {
        connect(to);
        low.set(file, Math.min(low.get(file)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file)!, index.get(to)!));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfImport = next.get(file)?.includes(file) ?? false;
    if (component.length > 1 || selfImport) found.push(component.sort());
  };
  for (const file of next.keys()) if (!index.has(file)) connect(file);
  return found;
}
