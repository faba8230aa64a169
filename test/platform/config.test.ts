import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { ConfigError, loadConfig, parseConfig } from "../../src/platform/config/load.js";
import { packageRoot } from "../../src/platform/package-root.js";

function problems(raw: unknown): string[] {
  try {
    parseConfig(raw);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error("expected a ConfigError");
}

const KEY = Buffer.alloc(32, 7).toString("base64");
const DATABASE_KEY = "a-long-random-database-secret";

describe("configuration", () => {
  it("has working defaults: no file means console mode", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      database: { path: "./data/tandem.db" },
      prefix: "!",
      language: "en",
      timezone: "UTC",
      ledger: { maxEntriesPerHour: 30 },
    });
    expect(config.matrix).toBeUndefined();
  });

  it("parses config.example.yaml with the real schema, secrets coming from the environment", () => {
    const example = join(packageRoot(), "config.example.yaml");
    const config = loadConfig(example, {
      TANDEM_MATRIX_PASSWORD: "pw",
      TANDEM_CRYPTO_STORE_KEY: KEY,
      TANDEM_DATABASE_KEY: DATABASE_KEY,
    });
    expect(config.matrix?.homeserverUrl).toMatch(/^https:\/\//);
    expect(config.timezone).toBe("Europe/Madrid");
    // Without the secrets the example is incomplete, and says so.
    expect(() => parseConfig(parse(readFileSync(example, "utf8")))).toThrow(ConfigError);
  });

  it("names every problem: the key, what was found and what is expected", () => {
    const found = problems({
      prefix: "",
      timezone: "Mars/Base",
      ledger: { maxEntriesPerHour: "lots", colour: "red" },
      languag: "es",
    });
    expect(found).toHaveLength(5);
    expect(found).toContainEqual(expect.stringMatching(/^languag: unknown key/));
    expect(found).toContainEqual(expect.stringMatching(/^ledger\.colour: unknown key/));
    expect(found).toContainEqual(expect.stringMatching(/^timezone: found "Mars\/Base"; expected an IANA time zone/));
    expect(found).toContainEqual(expect.stringMatching(/^ledger\.maxEntriesPerHour: found "lots"; expected number/));
    expect(found).toContainEqual(expect.stringMatching(/^prefix: found ""/));
  });

  it("suggests the key a typo meant, and names the variable and the command for a missing secret", () => {
    const base = {
      homeserverUrl: "https://m.example.org",
      userId: "@bot:example.org",
      allowedInviters: ["example.org"],
    };
    const found = problems({
      database: { key: DATABASE_KEY },
      matrix: { ...base, allowedInviters: undefined, alowedInviters: ["example.org"] },
      ledger: { maxEntriesPerHr: 3 },
      zzz: 1,
    });
    expect(found).toEqual([
      "ledger.maxEntriesPerHr: unknown key (did you mean maxEntriesPerHour?)",
      "matrix.allowedInviters: found nothing; it is required",
      "matrix.cryptoStoreKey: found nothing; it is required: set it here or in the environment variable TANDEM_CRYPTO_STORE_KEY (make one with: openssl rand -base64 32)",
      "matrix.alowedInviters: unknown key (did you mean allowedInviters?)",
      "zzz: unknown key (check its spelling in config.example.yaml)",
    ]);
  });

  it("never prints secrets it rejects", () => {
    const base = {
      homeserverUrl: "https://m.example.org",
      userId: "@bot:example.org",
      allowedInviters: ["example.org"],
    };
    const found = problems({
      database: { key: DATABASE_KEY },
      matrix: { ...base, cryptoStoreKey: "short-secret", password: "hunter2-typo" },
    });
    expect(found.join("\n")).not.toMatch(/short-secret|hunter2/);
    expect(found).toEqual([
      expect.stringMatching(/^matrix\.cryptoStoreKey: found a value \(hidden\); expected 32 random bytes/),
    ]);
    // No password and no token is not a config problem: a restart reuses the stored session.
    expect(problems({ matrix: { ...base, cryptoStoreKey: KEY } }).filter((p) => p.startsWith("matrix."))).toEqual([]);
  });

  it("takes secrets from the environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-config-"));
    const file = join(dir, "tandem.yaml");
    writeFileSync(
      file,
      "matrix:\n  homeserverUrl: https://m.example.org\n  userId: '@bot:example.org'\n  allowedInviters: [example.org]\n",
    );
    const config = loadConfig(file, {
      TANDEM_MATRIX_PASSWORD: "pw",
      TANDEM_CRYPTO_STORE_KEY: KEY,
      TANDEM_DATABASE_KEY: DATABASE_KEY,
    });
    expect(config.matrix).toMatchObject({ password: "pw", cryptoStoreKey: KEY });
    expect(config.database.key).toBe(DATABASE_KEY);
  });

  it("explains unreadable and malformed files", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-config-"));
    expect(() => loadConfig(join(dir, "missing.yaml"), {})).toThrow(/cannot read the file \(ENOENT\)/);
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "prefix: [\n");
    expect(() => loadConfig(bad, {})).toThrow(/not valid YAML at line/);
  });
});
