import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError, loadConfig, parseConfig } from "../../src/platform/config/load.js";

const matrix = {
  homeserverUrl: "https://m.example.org",
  userId: "@bot:example.org",
  allowedInviters: ["example.org"],
  cryptoStoreKey: Buffer.alloc(32, 7).toString("base64"),
  password: "pw",
};

function problems(raw: unknown): string[] {
  try {
    parseConfig(raw);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "tandem-config-")), "tandem.yaml");
  writeFileSync(file, text);
  return file;
}

describe("the database: section", () => {
  it("still takes the older `database: PATH`, and the environment fills the path and the key", () => {
    expect(parseConfig({ database: "/srv/t.db" }).database).toEqual({ path: "/srv/t.db" });
    const file = configFile("database: /srv/t.db\n");
    expect(loadConfig(file, { TANDEM_DATABASE_KEY: "a-long-random-database-secret" }).database).toEqual({
      path: "/srv/t.db",
      key: "a-long-random-database-secret",
    });
    expect(loadConfig(file, { TANDEM_DATABASE: "/elsewhere.db" }).database).toEqual({ path: "/elsewhere.db" });
  });

  it("requires a key on Matrix, and says what is missing and how to make one", () => {
    expect(problems({ matrix })).toEqual([
      "database.key: found nothing; required when a matrix: section is present, to encrypt the whole database at rest (or TANDEM_DATABASE_KEY; make one with: openssl rand -base64 32)",
    ]);
    expect(problems({ database: { key: "a-long-random-database-secret" }, matrix })).toEqual([]);
  });

  it("lets console mode run without a key", () => {
    expect(parseConfig({}).database.key).toBeUndefined();
  });

  it("never echoes a key it rejects", () => {
    const found = problems({ database: { key: "short-secret" }, matrix });
    expect(found.join("\n")).not.toContain("short-secret");
    expect(found).toEqual([
      expect.stringMatching(
        /^database\.key: found a value \(hidden\); expected a long random secret, at least 16 characters/,
      ),
    ]);
    const typo = problems({ database: { path: "t.db", kee: "hunter2-database" } });
    expect(typo).toEqual(["database.kee: unknown key (did you mean key?)"]);
  });
});
