import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, unencryptedNotice } from "../../src/platform/db.js";
import { packageRoot } from "../../src/platform/package-root.js";

const main = join(packageRoot(), "dist", "app", "main.js");
const KEY = "first-long-random-database-key";
const NEW_KEY = "second-long-random-database-key";

function tandem(args: string[], input: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [main, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fresh() {
  const dir = mkdtempSync(join(tmpdir(), "tandem-db-cli-"));
  return { dir, path: join(dir, "data", "tandem.db") };
}

describe("the database key and `tandem db`, as a real process", () => {
  beforeAll(() => {
    if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first (npm test does it)`);
  });

  it("stops on a wrong key with one sentence and exit 78, the file byte for byte as it was", () => {
    const { path } = fresh();
    expect(
      tandem([], "!ledger thanks @ana cooked 40 meals\n", { TANDEM_DATABASE: path, TANDEM_DATABASE_KEY: KEY }),
    ).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(path).includes("cooked 40 meals")).toBe(false);
    const before = readFileSync(path);
    const wrong = tandem([], "!ledger\n", { TANDEM_DATABASE: path, TANDEM_DATABASE_KEY: NEW_KEY });
    expect(wrong).toEqual({
      code: 78,
      stdout: "",
      stderr: `tandem: the database key does not open ${path}; check database.key (or TANDEM_DATABASE_KEY), the file was left untouched\n`,
    });
    expect(readFileSync(path).equals(before)).toBe(true);
    // The right key still reads the ledger.
    expect(tandem([], "!ledger\n", { TANDEM_DATABASE: path, TANDEM_DATABASE_KEY: KEY }).stdout).toMatch(
      /ana: cooked 40 meals/,
    );
  });

  it("encrypts an existing plain file with `tandem db encrypt`, then needs the key", () => {
    const { path } = fresh();
    expect(tandem([], "!ledger thanks @ana cooked 40 meals\n", { TANDEM_DATABASE: path }).code).toBe(0);
    expect(readFileSync(path).includes("cooked 40 meals")).toBe(true);
    const withKey = { TANDEM_DATABASE: path, TANDEM_DATABASE_KEY: KEY };
    const refused = tandem([], "!ledger\n", withKey);
    expect(refused.code).toBe(78);
    expect(refused.stderr).toBe(
      `tandem: ${path} is not encrypted yet; stop the bot, run "tandem db encrypt" once (it keeps every row), then start again\n`,
    );

    const encrypt = tandem(["db", "encrypt"], "", withKey);
    expect(encrypt.code).toBe(0);
    expect(encrypt.stdout).toMatch(
      new RegExp(
        `^tandem: ${path} is now encrypted \\(\\d+ tables, \\d+ rows checked\\); keep the key with your backups`,
      ),
    );
    expect(readFileSync(path).includes("cooked 40 meals")).toBe(false);
    expect(tandem([], "!ledger\n", withKey).stdout).toMatch(/ana: cooked 40 meals/);
    expect(tandem([], "!ledger\n", { TANDEM_DATABASE: path }).code).toBe(78);
    expect(tandem(["db", "encrypt"], "", { TANDEM_DATABASE: path })).toMatchObject({
      code: 78,
      stderr: `tandem: "db encrypt" needs the database key in database.key (or TANDEM_DATABASE_KEY); make one with: openssl rand -base64 32\n`,
    });
  });

  it("changes the key with `tandem db rekey`, the new one coming from TANDEM_DATABASE_NEW_KEY", () => {
    const { path } = fresh();
    const old = { TANDEM_DATABASE: path, TANDEM_DATABASE_KEY: KEY };
    expect(tandem([], "!ledger thanks @ana cooked 40 meals\n", old).code).toBe(0);
    expect(tandem(["db", "rekey"], "", old)).toMatchObject({
      code: 78,
      stderr: expect.stringMatching(/needs a new key .* in TANDEM_DATABASE_NEW_KEY/),
    });
    const rekey = tandem(["db", "rekey"], "", { ...old, TANDEM_DATABASE_NEW_KEY: NEW_KEY });
    expect(rekey.code).toBe(0);
    expect(rekey.stdout).toMatch(
      /is now encrypted under the new key .*; put it in database\.key \(or TANDEM_DATABASE_KEY\) before the next start\.\n$/,
    );
    expect(`${rekey.stdout}${rekey.stderr}`).not.toContain(NEW_KEY);
    expect(tandem([], "!ledger\n", old).code).toBe(78);
    expect(tandem([], "!ledger\n", { TANDEM_DATABASE: path, TANDEM_DATABASE_KEY: NEW_KEY }).stdout).toMatch(
      /ana: cooked 40 meals/,
    );
  });

  it("writes a backup that opens with the key, with `tandem db backup PATH`", () => {
    const { dir, path } = fresh();
    const env = { TANDEM_DATABASE: path, TANDEM_DATABASE_KEY: KEY };
    expect(tandem([], "!ledger thanks @ana cooked 40 meals\n", env).code).toBe(0);
    const copy = join(dir, "backup.db");
    const backup = tandem(["db", "backup", copy], "", env);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      new RegExp(
        `^tandem: backup written to ${copy} \\(encrypted with the database key; \\d+ tables, \\d+ rows checked\\)\\.\\n$`,
      ),
    );
    expect(readFileSync(copy).includes("cooked 40 meals")).toBe(false);
    const restored = openDatabase(copy, { key: KEY });
    expect(restored.db.prepare("SELECT count(*) FROM ledger_entries").pluck().get()).toBe(1);
    restored.close();
  });

  it("explains a wrong `db` command with the usage, exit 2", () => {
    const run = tandem(["db", "backup"], "", {});
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^"db backup" needs one PATH to write the copy to, such as: tandem db backup \/backups\/tandem\.db\n\nUsage: tandem/,
    );
    expect(tandem(["db", "shred"], "", {}).stderr).toMatch(/^"db" takes encrypt, rekey or backup PATH\./);
  });
});

describe("the notice for a plain file in console mode", () => {
  it("is one line naming the file and what to do", () => {
    expect(unencryptedNotice("./data/tandem.db")).toBe(
      'tandem: note: ./data/tandem.db is not encrypted at rest; set database.key (or TANDEM_DATABASE_KEY) and run "tandem db encrypt" to protect it.',
    );
    expect(unencryptedNotice(":memory:")).toBeUndefined();
  });
});
