/**
 * Helpers for the end-to-end tests: the bot as a real child process (`node dist/app/main.js
 * --config …`, as an operator runs it) and test users driving their own matrix-js-sdk client.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { logTail, readState, registerUser, type RegisteredUser, type SynapseState } from "./synapse.js";
import type { SeenMessage } from "./matrix-test-client.js";
import { openKeyed } from "../../src/platform/db.js";

// jest runs from the repository root (its rootDir).
const ROOT = process.cwd();

export function synapse(): SynapseState {
  return readState();
}

let users = 0;
/** Test files may share a worker process (one pid) but each counts its users from 0: a random part keeps names apart. */
const RUN = randomBytes(3).toString("hex");
/** A fresh user with a unique name, on the suite's shared Synapse unless told which. */
export function newUser(name: string, admin = false, homeserver: SynapseState = synapse()): Promise<RegisteredUser> {
  return registerUser(homeserver, `${name}-${process.pid}-${RUN}-${++users}`, undefined, admin);
}

export class TestClient {
  private next = 0;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly child: ChildProcess;

  private constructor(readonly user: RegisteredUser) {
    this.child = spawn(process.execPath, [join(ROOT, "dist/test/support/matrix-test-client.js")], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    createInterface({ input: this.child.stdout! }).on("line", (line) => {
      const answer = JSON.parse(line) as { id: number; ok: boolean; result?: unknown; error?: string };
      const waiter = this.waiting.get(answer.id);
      this.waiting.delete(answer.id);
      if (answer.ok) waiter?.resolve(answer.result);
      else waiter?.reject(new Error(answer.error));
    });
    this.child.on("exit", () => this.waiting.forEach((w) => w.reject(new Error("test client exited"))));
  }

  /**
   * Logs in on the user's own homeserver (the suite's shared one unless told otherwise), with her
   * cross-signing identity set up and signing this device, as Element does.
   */
  static async start(user: RegisteredUser, homeserver: SynapseState = synapse()): Promise<TestClient> {
    const client = new TestClient(user);
    await client.call("init", {
      baseUrl: homeserver.baseUrl,
      userId: user.userId,
      accessToken: user.accessToken,
      deviceId: user.deviceId,
      password: user.password,
    });
    return client;
  }

  /**
   * A second login of the same account with its password (a new device), that nobody verifies:
   * what someone who phished or forced the password has.
   */
  static async unverifiedLogin(user: RegisteredUser, homeserver: SynapseState = synapse()): Promise<TestClient> {
    const response = await fetch(`${homeserver.baseUrl}/_matrix/client/v3/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        type: "m.login.password",
        identifier: { type: "m.id.user", user: user.userId },
        password: user.password,
      }),
    });
    if (!response.ok) throw new Error(`login failed: ${response.status}`);
    const session = (await response.json()) as { access_token: string; device_id: string };
    const client = new TestClient({ ...user, accessToken: session.access_token, deviceId: session.device_id });
    await client.call("init", {
      baseUrl: homeserver.baseUrl,
      userId: user.userId,
      accessToken: session.access_token,
      deviceId: session.device_id,
      crossSign: false,
    });
    return client;
  }

  /** Resets the account's cross-signing identity from this device (Element: "Reset identity"). */
  resetIdentity(): Promise<void> {
    return this.call("resetIdentity", { password: this.user.password });
  }

  call<T = unknown>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.stdin!.write(JSON.stringify({ id, op, ...args }) + "\n");
    });
  }

  async createRoom(options: {
    name: string;
    encrypted: boolean;
    invite?: string[];
    direct?: boolean;
  }): Promise<string> {
    return (await this.call<{ roomId: string }>("createRoom", options)).roomId;
  }

  async send(
    roomId: string,
    text: string,
    extra: { html?: string; mentions?: string[]; threadRoot?: string; replyTo?: string } = {},
  ): Promise<string> {
    return (await this.call<{ eventId: string }>("send", { roomId, text, ...extra })).eventId;
  }

  /** Reacts with `key` to an event: in the clear like Element Web, or encrypted like Element X. */
  react(
    roomId: string,
    eventId: string,
    key: string,
    options: { encrypted?: boolean } = {},
  ): Promise<{ eventId: string; wireType?: string }> {
    return this.call("react", { roomId, eventId, key, ...options });
  }

  async sendUndecryptable(roomId: string): Promise<string> {
    return (await this.call<{ eventId: string }>("sendUndecryptable", { roomId })).eventId;
  }

  messages(
    roomId: string,
    options: { sender?: string; count?: number; timeoutMs?: number } = {},
  ): Promise<SeenMessage[]> {
    return this.call<SeenMessage[]>("messages", { roomId, ...options });
  }

  waitMembership(roomId: string, userId: string, membership: string, timeoutMs = 30_000): Promise<void> {
    return this.call("waitMembership", { roomId, userId, membership, timeoutMs });
  }

  async stop(): Promise<void> {
    const exited = new Promise((r) => this.child.once("exit", r));
    await this.call("stop").catch(() => undefined);
    await exited;
  }
}

export interface BotOptions {
  /** The homeserver the bot's account lives on: the suite's shared one unless told otherwise. */
  homeserver?: SynapseState;
  /** Run as an existing account (a "new machine" for the same bot); a fresh user otherwise. */
  user?: RegisteredUser;
  recoveryKey?: string;
  allowedInviters?: string[];
  allowUnencryptedRooms?: boolean;
  undecryptableNoticeAfterSeconds?: number;
  /** The bot's log level (debug unless told otherwise: the most a log can give away). */
  logLevel?: string;
}

interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

/** The bot, run exactly as an operator would: built CLI, YAML config, its own data folder. */
export class Bot {
  readonly dir: string;
  readonly configPath: string;
  readonly dbPath: string;
  /** The database is encrypted at rest, as a Matrix config requires. */
  readonly dbKey = randomBytes(32).toString("base64");
  private child: ChildProcess | undefined;
  private logLines: LogLine[] = [];
  private rawErr = "";
  stdout = "";

  readonly homeserver: SynapseState;

  private constructor(
    readonly user: RegisteredUser,
    options: BotOptions,
  ) {
    this.homeserver = options.homeserver ?? synapse();
    this.dir = mkdtempSync(join(tmpdir(), "tandem-bot-"));
    this.configPath = join(this.dir, "config.yaml");
    this.dbPath = join(this.dir, "data", "tandem.db");
    const matrix = {
      homeserverUrl: this.homeserver.baseUrl,
      userId: user.userId,
      password: user.password,
      allowedInviters: options.allowedInviters ?? [this.homeserver.serverName],
      allowUnencryptedRooms: options.allowUnencryptedRooms ?? false,
      cryptoStoreKey: randomBytes(32).toString("base64"),
      undecryptableNoticeAfterSeconds: options.undecryptableNoticeAfterSeconds ?? 300,
      ...(options.recoveryKey ? { recoveryKey: options.recoveryKey } : {}),
    };
    // The bursts of the tests are far above a real member's pace.
    const ledger = { maxEntriesPerHour: 10_000 };
    // Scheduled posts are checked every second, so a test waits for one at most a minute.
    const scheduler = { tickSeconds: 1 };
    writeFileSync(
      this.configPath,
      JSON.stringify(
        {
          database: { path: this.dbPath, key: this.dbKey },
          log: { level: options.logLevel ?? "debug" },
          ledger,
          scheduler,
          matrix,
        },
        null,
        2,
      ),
    );
  }

  /** Each bot has its own folder, database and (unless given one) a fresh account on its homeserver. */
  static async create(options: BotOptions = {}): Promise<Bot> {
    return new Bot(options.user ?? (await newUser("tandem", false, options.homeserver)), options);
  }

  get userId(): string {
    return this.user.userId;
  }

  /** Starts the process and waits until it synced and checked its cross-signing. */
  async start(timeoutMs = 90_000): Promise<void> {
    const from = this.logLines.length;
    const child = spawn(process.execPath, [join(ROOT, "dist/app/main.js"), "--config", this.configPath], {
      cwd: this.dir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, TANDEM_CONFIG: undefined },
    });
    this.child = child;
    child.stdout!.on("data", (chunk: Buffer) => (this.stdout += chunk.toString()));
    createInterface({ input: child.stderr! }).on("line", (line) => {
      this.rawErr += line + "\n";
      try {
        this.logLines.push(JSON.parse(line) as LogLine);
      } catch {
        this.logLines.push({ level: 60, msg: line });
      }
    });
    await this.waitForLog((l) => l.msg === "cross-signing checked", timeoutMs, from);
  }

  /** The recovery key the bot showed on stdout at its first start. */
  recoveryKey(): string | undefined {
    return /^ {4}(\S.+)$/m.exec(this.stdout)?.[1];
  }

  logs(): LogLine[] {
    return this.logLines;
  }

  async waitForLog(match: (line: LogLine) => boolean, timeoutMs = 30_000, from = 0): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.logLines.slice(from).find(match);
      if (found) return found;
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined)
        throw new Error(`the bot exited (${this.child.exitCode}):\n${this.diagnostics()}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for a bot log line:\n${this.diagnostics()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  diagnostics(): string {
    const botTail = this.rawErr
      .split("\n")
      .filter((l) => !l.includes('"level":20'))
      .slice(-40)
      .join("\n");
    return `--- bot log (last lines, debug left out)\n${botTail}\n--- synapse log\n${logTail(this.homeserver.logPath, 30)}`;
  }

  deviceId(): string {
    const db = openKeyed(this.dbPath, this.dbKey, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT device_id FROM matrix_session").get() as { device_id: string }).device_id;
    } finally {
      db.close();
    }
  }

  query<T>(sql: string, ...params: unknown[]): T[] {
    const db = openKeyed(this.dbPath, this.dbKey, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }

  /** Waits until the bot handled (or deliberately ignored) an event from its inbox; its final state. */
  async inboxDone(eventId: string, timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = this.query<{ state: string }>("SELECT state FROM matrix_inbox WHERE event_id = ?", eventId);
      if (row && row.state !== "pending" && row.state !== "undecryptable") return row.state;
      if (Date.now() > deadline) throw new Error(`event never processed:\n${this.diagnostics()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Stops with a signal and waits for the exit; SIGTERM is a graceful stop, SIGKILL a crash. */
  async stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 30_000): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }

  readConfig(): string {
    return readFileSync(this.configPath, "utf8");
  }

  /** Takes the password out of the config, as the README tells operators they may after the first start. */
  forgetPassword(): void {
    const config = JSON.parse(this.readConfig()) as { matrix: { password?: string } };
    delete config.matrix.password;
    writeFileSync(this.configPath, JSON.stringify(config, null, 2));
  }

  /** Every line the bot wrote to standard error, as written. */
  rawLogLines(): string[] {
    return this.rawErr.split("\n").filter((l) => l !== "");
  }
}

/** The event a message answers (m.in_reply_to), for counting replies per command. */
export function answeredEvent(message: SeenMessage): string | undefined {
  return (message.relatesTo as { "m.in_reply_to"?: { event_id?: string } } | undefined)?.["m.in_reply_to"]?.event_id;
}

/** As Element sends a typed "@name" once it became a pill: display name in the body, link in the HTML. */
export function withPill(before: string, user: { userId: string; name: string }, after: string) {
  return {
    text: `${before}${user.name}${after}`,
    extra: {
      html: `${before}<a href="https://matrix.to/#/${user.userId}">${user.name}</a>${after}`,
      mentions: [user.userId],
    },
  };
}

/** The body of the bot's answer to one command, waiting for it up to a minute. */
export async function answerTo(client: TestClient, bot: Bot, roomId: string, command: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const reply = (await client.messages(roomId, { sender: bot.userId, timeoutMs: 2_000 })).find(
      (m) => answeredEvent(m) === command,
    );
    if (reply?.body) return reply.body;
    if (Date.now() > deadline) throw new Error(`no answer:\n${bot.diagnostics()}`);
  }
}
