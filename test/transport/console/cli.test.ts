import Database from "better-sqlite3-multiple-ciphers";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packageRoot } from "../../../src/platform/package-root.js";

const main = join(packageRoot(), "dist", "app", "main.js");

function tandem(args: string[], input: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [main, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("console mode, as a real process", () => {
  beforeAll(() => {
    if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first (npm test does it)`);
  });

  it("answers scripted input on stdout, exits 0 at end of input, and keeps the ledger for the next run", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
    const env = { TANDEM_DATABASE: join(dir, "data", "tandem.db") };
    const first = tandem(
      [],
      "!ledger thanks @ana cooked 40 meals\n\n!ledger thanks @bo @cy drove 3 nurses #transport\n",
      env,
    );
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(first.stdout).toBe(
      "Thank you, ana! Noted as #1: cooked 40 meals (food).\nThank you, bo and cy! Noted as #2: drove 3 nurses (transport).\n",
    );
    expect(statSync(env.TANDEM_DATABASE).mode & 0o777).toBe(0o600);

    const second = tandem(["--as", "bo"], "!ledger\n!ledger undo 1\n", env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(
      /^The latest 2 entries:\n• #2 bo and cy: drove 3 nurses \(transport, \w+ \d+\)\n• #1 ana: cooked 40 meals \(food, \w+ \d+\)\nOnly the person who recorded #1/,
    );
  });

  it("serves /healthz while it runs when metrics are configured (prom-client loads only then)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const config = join(dir, "tandem.yaml");
    writeFileSync(config, `database:\n  path: ${join(dir, "t.db")}\nmetrics:\n  port: ${port}\n`);
    const child = spawn(process.execPath, [main, "--config", config], { stdio: ["pipe", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    let health: number | undefined;
    for (let tries = 0; health === undefined && tries < 100; tries++) {
      health = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status,
        () => undefined,
      );
      if (health === undefined) await new Promise((r) => setTimeout(r, 100));
    }
    child.stdin.end("!help\n");
    expect(health).toBe(200);
    expect(await exited).toBe(0);
  });

  it("keeps rooms apart with --room", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
    const env = { TANDEM_DATABASE: join(dir, "tandem.db") };
    tandem(["--room", "north"], "!ledger thanks @ana cooked soup\n", env);
    expect(tandem(["--room", "south"], "!ledger\n", env).stdout).toMatch(/^Nothing in this room's ledger yet/);
  });

  it("stops before doing anything on a wrong config, one line per problem", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
    const config = join(dir, "tandem.yaml");
    writeFileSync(config, `database: ${join(dir, "t.db")}\ntimezone: Moon/Base\nledgr: {}\n`);
    const run = tandem(["--config", config], "!help\n", {});
    expect(run.code).toBe(78);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `tandem: ${config} has 2 problems:\n  - timezone: found "Moon/Base"; expected an IANA time zone such as Europe/Madrid or America/Mexico_City\n  - ledgr: unknown key (did you mean ledger?)\n`,
    );
    expect(existsSync(join(dir, "t.db"))).toBe(false);
  });
});

describe("a direct chat with the bot, in the console", () => {
  it("votes a secret ballot and asks the fund privately with --dm, which the room refuses", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
    const env = { TANDEM_DATABASE: join(dir, "tandem.db") };
    const room = tandem([], "!propose secret We file a grievance\n!fund\n", env);
    const code = /ballot code \*?\*?([A-Z0-9]{4})/.exec(room.stdout)?.[1];
    const fundCode = /Fund code: \*?\*?([A-Z0-9]+)/.exec(room.stdout)?.[1];
    expect(code).toBeDefined();
    expect(fundCode).toBeDefined();
    expect(tandem([], `!vote ${code} agree\n`, env).stdout).toMatch(/vote in a direct chat with me/);
    const direct = tandem(["--dm"], `!vote ${code} agree\n!fund ask ${fundCode} €200 rent is due\n`, env);
    expect(direct.code).toBe(0);
    expect(direct.stdout).toMatch(/Your receipt: [0-9A-F]{4}-[A-Z0-9]{4}/);
    expect(direct.stdout).toMatch(/Your request #1 for €200\.00 is with the fund's keeper/);
    expect(tandem([], "!propose 1 close\n", env).stdout).toContain("Agree 1");
    expect(tandem(["--dm", "--room", "north"], "", env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--dm and --room do not go together"),
    });
  });
});

describe("scheduled posts in console mode", () => {
  it("ticks the durable schedule at start: a post missed while the bot was down is printed once", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
    const env = { TANDEM_DATABASE: join(dir, "tandem.db") };
    expect(tandem([], "!ledger thanks @ana cooked soup\n!meeting weekly thursday 19:00\n", env).code).toBe(0);
    // The bot was "down" when the opener was due ten minutes ago: within the grace period.
    const db = new Database(env.TANDEM_DATABASE);
    expect(
      db.prepare("UPDATE jobs SET next_run_utc = ? WHERE kind = 'meeting.opener'").run(Date.now() - 10 * 60_000)
        .changes,
    ).toBe(1);
    db.close();
    const second = tandem([], "", env);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/ana: cooked soup/);
    const third = tandem([], "", env);
    expect(third.stdout).toBe("");
  });
});

describe("the people and posts of a console room, across runs", () => {
  it("remembers who was in the room: a later @bo is that same bo, not a plain-text twin", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
    const env = { TANDEM_DATABASE: join(dir, "tandem.db") };
    expect(tandem(["--as", "bo", "--room", "north"], "!ledger thanks @ana cooked soup\n", env).code).toBe(0);
    expect(tandem(["--room", "north"], "!ledger thanks @bo swept the hall\n", env).stdout).toMatch(
      /^Thank you, bo! Noted as #2: swept the hall/,
    );
    // People belong to their room: in another room bo never spoke, so @bo stays a typed name there.
    expect(tandem(["--room", "south"], "!ledger thanks @bo swept the yard\n", env).code).toBe(0);
    const db = new Database(env.TANDEM_DATABASE, { readonly: true });
    const giver = db.prepare(
      "SELECT g.user_id FROM ledger_givers g JOIN ledger_entries e ON e.id = g.entry_id WHERE e.room_id = ? AND e.number = ?",
    );
    expect(giver.pluck().get("!north:console", 2)).toBe("@bo:console");
    expect(giver.pluck().get("!south:console", 1)).toBeNull();
    db.close();
  });

  it("counts a name that typed in a room as its member from then on: it may vote on what started after", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
    const env = { TANDEM_DATABASE: join(dir, "tandem.db") };
    expect(tandem(["--as", "ana"], "!help\n", env).code).toBe(0);
    expect(tandem([], "!propose We refuse overtime\n!proposal 1\n", env).stdout).toContain("0 of 2 members answered");
    expect(tandem(["--as", "ana"], "!vote 1 agree\n", env).stdout).toMatch(/^Your vote on #1 is counted/);
    expect(tandem(["--as", "bo"], "!vote 1 agree\n", env).stdout).toMatch(
      /^Only members who were in the room when proposal #1 started/,
    );
    // bo typed in the room just now: a member for the next proposal.
    expect(tandem([], "!propose Second\n!proposal 2\n", env).stdout).toContain("0 of 3 members answered");
  });

  it("prints only the current room's scheduled posts; another room's wait for a session of that room", () => {
    const dir = mkdtempSync(join(tmpdir(), "tandem-cli-"));
    const env = { TANDEM_DATABASE: join(dir, "tandem.db") };
    expect(
      tandem(["--room", "north"], "!ledger thanks @ana cooked soup\n!meeting weekly thursday 19:00\n", env).code,
    ).toBe(0);
    const db = new Database(env.TANDEM_DATABASE);
    expect(
      db.prepare("UPDATE jobs SET next_run_utc = ? WHERE kind = 'meeting.opener'").run(Date.now() - 10 * 60_000)
        .changes,
    ).toBe(1);
    db.close();
    expect(tandem(["--room", "south"], "", env)).toMatchObject({ code: 0, stdout: "" });
    expect(tandem(["--room", "north"], "", env).stdout).toMatch(/ana: cooked soup/);
  });
});
