#!/usr/bin/env node
import { dirname, join } from "node:path";
import type { Logger } from "pino";
import { createApp, type AppConfig } from "./app.js";
import { parseCli, USAGE, type CliOptions, type DbCommand } from "./cli.js";
import { ConfigError, loadConfig } from "../src/platform/config/load.js";
import type { Config } from "../src/platform/config/schema.js";
import { createLogger } from "../src/platform/log.js";
import { openDatabase, StartupError, unencryptedNotice, type OpenedDatabase } from "../src/platform/db.js";
import { startBackgroundCheckpoints, type BackgroundCheckpoints } from "../src/platform/background-checkpoint.js";
import { backupDatabase, encryptDatabase, rekeyDatabase, type Converted } from "../src/platform/db-maintenance.js";
import type { MetricsServer } from "../src/platform/metrics.js";
import { migrate, readMigrations } from "../src/platform/migrations.js";
import { packageRoot } from "../src/platform/package-root.js";
import { boundHeapGrowth } from "../src/platform/heap-growth.js";
import { ConsoleTransport, consoleSessionRoomId, consoleUserId, runConsole } from "../src/transport/console/console.js";
import { consoleFiles } from "../src/transport/console/files.js";
import { consoleRoomData, rememberedPeople, rememberMember } from "../src/transport/console/people.js";
import { connectMatrix } from "../src/transport/matrix/start.js";
import { matrixRoomData } from "../src/transport/matrix/room-data.js";
import { pruneMatrixInbox } from "../src/transport/matrix/inbox.js";
import { HomeserverUnreachable, StopRequested } from "../src/transport/matrix/unreachable.js";

function appConfig(config: Config): AppConfig {
  return {
    prefix: config.prefix,
    ledger: config.ledger,
    defaults: { language: config.language, timezone: config.timezone },
    permissions: { moderatorPowerLevel: config.moderatorPowerLevel, admins: config.admins },
    graceMs: config.scheduler.missedPostGraceHours * 3_600_000,
  };
}

async function runConsoleMode(config: Config, cli: CliOptions, opened: OpenedDatabase, log: Logger): Promise<void> {
  const user = cli.as ?? config.console.user;
  const room = cli.room ?? config.console.room;
  const roomId = consoleSessionRoomId({ user, room, direct: cli.dm });
  const remembered = rememberedPeople(opened.db, roomId);
  const filesDir = join(dirname(config.database.path), "files");
  const transport = new ConsoleTransport({
    user,
    room,
    direct: cli.dm,
    moderators: config.console.moderators,
    remembered,
    output: process.stdout,
    filesDir,
  });
  // Only this room's posts: another room's stay due until a session of that room (like a bot that was away).
  const app = createApp({
    db: opened.db,
    transport,
    config: appConfig(config),
    log,
    onlyRoomId: roomId,
    roomData: [consoleRoomData],
    outside: [consoleFiles(filesDir)],
  });
  if (process.stdin.isTTY) {
    const where = cli.dm ? "your direct chat with Tandem" : `room ${room}`;
    process.stderr.write(
      `Tandem console: you are ${user} in ${where}. Type ${config.prefix}help to start, Ctrl-D to leave.\n`,
    );
  }
  app.scheduler.start(config.scheduler.tickSeconds);
  // The sender's loop prints scheduled posts as they fall due, between the lines typed.
  app.sender.start();
  try {
    const typed = () => rememberMember(opened.db, roomId, consoleUserId(user), Date.now());
    await runConsole(process.stdin, transport, app.dispatcher, app.sender, { user, roomId, clock: Date.now, typed });
  } finally {
    app.scheduler.stop();
    await app.sender.stop();
  }
}

/** Runs until SIGTERM or SIGINT, then stops syncing, lets the outbox finish its current send, and saves the sync state. */
async function runMatrixMode(
  config: Config,
  matrix: NonNullable<Config["matrix"]>,
  opened: OpenedDatabase,
  log: Logger,
): Promise<void> {
  // Listening before starting: a stop requested during start-up is honoured once start-up is done.
  const stopRequested = new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  const stopping = new AbortController();
  void stopRequested.then(() => stopping.abort());
  const connection = await connectMatrix({
    config: matrix,
    db: opened.db,
    log,
    defaults: { language: config.language, timezone: config.timezone },
    signal: stopping.signal,
  });
  const app = createApp({
    db: opened.db,
    transport: connection.transport,
    config: appConfig(config),
    log,
    roomData: matrixRoomData,
    outside: [connection.outside],
  });
  app.scheduler.pruning.add(pruneMatrixInbox);
  const running = await connection.start(app);
  // Started only now: the transport resolves after the first sync, and posts wait in the outbox until then anyway.
  app.scheduler.start(config.scheduler.tickSeconds);
  const signal = await stopRequested;
  log.info({ signal }, "stopping");
  app.scheduler.stop();
  await running.stop();
  exitSoonAfterClose();
}

/**
 * matrix-js-sdk and its crypto leave timers behind after stopClient(); once the database is
 * closed (right after the Matrix mode returns or fails) nothing is left to do, so do not wait for them.
 */
function exitSoonAfterClose(): void {
  setTimeout(() => process.exit(), 1000).unref();
}

/** `tandem db …`: one sentence on stdout when done; problems are StartupErrors (exit 78). */
function runDbCommand(config: Config, command: DbCommand): number {
  const { path, key } = config.database;
  const checked = (done: Converted) => `${done.tables} tables, ${done.rows} rows checked`;
  if (command.action === "backup") {
    const done = backupDatabase(path, key, command.target);
    const how = key === undefined ? "a plain copy, like the database itself" : "encrypted with the database key";
    process.stdout.write(`tandem: backup written to ${command.target} (${how}; ${checked(done)}).\n`);
    return 0;
  }
  if (key === undefined) {
    throw new StartupError(
      `"db ${command.action}" needs the database key in database.key (or TANDEM_DATABASE_KEY); make one with: openssl rand -base64 32`,
    );
  }
  if (command.action === "encrypt") {
    const done = encryptDatabase(path, key);
    process.stdout.write(
      `tandem: ${path} is now encrypted (${checked(done)}); keep the key with your backups, and delete older plain copies of the file.\n`,
    );
    return 0;
  }
  const newKey = process.env.TANDEM_DATABASE_NEW_KEY ?? "";
  if (newKey.length < 16 || newKey === key) {
    throw new StartupError(
      '"db rekey" needs a new key of at least 16 characters, different from the current one, in TANDEM_DATABASE_NEW_KEY; make one with: openssl rand -base64 32',
    );
  }
  const done = rekeyDatabase(path, key, newKey);
  process.stdout.write(
    `tandem: ${path} is now encrypted under the new key (${checked(done)}); put it in database.key (or TANDEM_DATABASE_KEY) before the next start.\n`,
  );
  return 0;
}

async function main(argv: string[]): Promise<number> {
  boundHeapGrowth(process.execArgv);
  let cli: CliOptions;
  try {
    cli = parseCli(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (cli.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = loadConfig(cli.config ?? process.env.TANDEM_CONFIG);
  if (cli.db) return runDbCommand(config, cli.db);
  const log = createLogger(config.matrix ? config.log.level : "warn");
  const opened = openDatabase(config.database.path, { key: config.database.key });
  // Console mode may run on a plain file (the schema requires a key on Matrix); say so to a person.
  const notice = config.database.key === undefined ? unencryptedNotice(config.database.path) : undefined;
  if (notice && process.stderr.isTTY) process.stderr.write(`${notice}\n`);
  let metrics: MetricsServer | undefined;
  let checkpoints: BackgroundCheckpoints | undefined;
  try {
    const { applied } = migrate(opened.db, readMigrations(join(packageRoot(), "migrations")));
    if (applied.length > 0) log.info({ applied }, "database migrated");
    // prom-client is loaded only where metrics are on (they are off by default).
    if (config.metrics)
      metrics = await (await import("../src/platform/metrics.js")).startMetricsServer(opened.db, config.metrics.port);
    if (config.matrix) {
      // The crypto store's mirror writes the most to the file; its log is copied off the event loop.
      checkpoints = startBackgroundCheckpoints(opened.db, {
        path: config.database.path,
        key: config.database.key,
        log,
      });
      await runMatrixMode(config, config.matrix, opened, log).catch((err: unknown) => {
        exitSoonAfterClose();
        if (!(err instanceof StopRequested)) throw err;
      });
      return 0;
    }
    await runConsoleMode(config, cli, opened, log);
    return 0;
  } finally {
    await metrics?.close();
    await checkpoints?.stop();
    opened.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof StartupError) {
      process.stderr.write(`tandem: ${err.message}\n`);
      process.exitCode = 78;
    } else if (err instanceof HomeserverUnreachable) {
      process.stderr.write(`tandem: ${err.message}\n`);
      process.exitCode = HomeserverUnreachable.EXIT_STATUS;
    } else {
      process.stderr.write(
        `tandem: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exitCode = 1;
    }
  },
);
