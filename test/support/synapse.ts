/**
 * A real Synapse for the end-to-end tests: installed from PyPI into a cached virtualenv, configured
 * for 127.0.0.1 on a free port with SQLite, no federation and rate limits lifted, started and
 * stopped as a child process. Users are registered through the shared-secret admin API.
 *
 * A suite that needs federation starts its own pair (e2e-federation.ts): each server then also has a
 * TLS federation listener and is named after it ("localhost:PORT"), so no DNS or .well-known is needed.
 *
 * The harness state (where the server listens, its pid, its config) lives in a JSON file, so the
 * jest global setup, the test workers and the global teardown (different processes) share one server.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const SYNAPSE_VERSION = "1.163.2";
const MIN_PYTHON: [number, number] = [3, 10];
const COMPLETE_MARKER = ".tandem-install-complete";

export interface SynapseState {
  version: string;
  dir: string;
  python: string;
  configPath: string;
  logPath: string;
  port: number;
  baseUrl: string;
  serverName: string;
  registrationSecret: string;
  /** Set on a server that federates: its TLS listener and the servers it may talk to. */
  federation?: FederationListener;
  pid?: number;
}

export interface FederationListener {
  port: number;
  /** Server names of the whole federating group, this one included. */
  group: string[];
}

export class HarnessError extends Error {}

function cacheRoot(): string {
  return process.env.TANDEM_SYNAPSE_CACHE ?? join(homedir(), ".cache", "tandem");
}

/** Finds a python3 new enough for Synapse, or explains what is missing. */
export function findPython(): string {
  const candidates = [process.env.TANDEM_PYTHON, "python3", "python"].filter((c): c is string => !!c);
  const seen: string[] = [];
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], {
      encoding: "utf8",
    });
    if (probe.status !== 0) continue;
    const found = probe.stdout.trim();
    const [major, minor] = found.split(".").map(Number) as [number, number];
    if (major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1])) return candidate;
    seen.push(`${candidate} is ${found}`);
  }
  throw new HarnessError(
    `The end-to-end tests run a real Synapse, which needs python3 >= ${MIN_PYTHON.join(".")} with the venv module ` +
      `(${seen.length ? seen.join(", ") : "no python3 found on PATH"}). Install it (Debian: apt-get install python3 python3-venv), ` +
      `point TANDEM_PYTHON at one, or set SKIP_E2E=1 to skip the end-to-end tests.`,
  );
}

function run(command: string, args: string[], what: string): void {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) {
    throw new HarnessError(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * Returns the python of a virtualenv holding the pinned Synapse, installing it once. The install
 * happens in a scratch folder renamed into place at the end, so an interrupted install never
 * looks complete and concurrent installs cannot mix.
 */
export function ensureSynapseInstalled(log: (line: string) => void = () => {}): string {
  const root = cacheRoot();
  const target = join(root, `synapse-${SYNAPSE_VERSION}`);
  const python = join(target, "bin", "python");
  if (existsSync(join(target, COMPLETE_MARKER)) && existsSync(python)) return python;

  const basePython = findPython();
  mkdirSync(root, { recursive: true });
  if (existsSync(target)) rmSync(target, { recursive: true, force: true });
  const scratch = mkdtempSync(join(root, `.synapse-${SYNAPSE_VERSION}-installing-`));
  log(`tandem e2e: installing matrix-synapse ${SYNAPSE_VERSION} into ${target} (once; cached afterwards)`);
  try {
    run(basePython, ["-m", "venv", scratch], "creating the Synapse virtualenv");
    const pip = [join(scratch, "bin", "python"), "-m", "pip", "--disable-pip-version-check", "-q"];
    run(pip[0]!, [...pip.slice(1), "install", "--upgrade", "pip"], "upgrading pip");
    run(
      pip[0]!,
      [...pip.slice(1), "install", `matrix-synapse==${SYNAPSE_VERSION}`],
      `pip install matrix-synapse==${SYNAPSE_VERSION}`,
    );
    writeFileSync(join(scratch, COMPLETE_MARKER), `${SYNAPSE_VERSION}\n`);
    try {
      renameSync(scratch, target);
    } catch (error) {
      // Another run finished first: use its install.
      if (!existsSync(join(target, COMPLETE_MARKER))) throw error;
      rmSync(scratch, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  return python;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

const LIFTED = { per_second: 10000, burst_count: 100000 };

/**
 * Federation between test servers on loopback: a self-signed certificate nobody checks, no notary
 * (each server fetches the other's keys itself), loopback let through the outbound IP blocklist,
 * and short retry back-offs, so a hiccup during start-up does not park a destination for minutes.
 */
function federationConfig(dir: string, federation: FederationListener | undefined) {
  if (!federation) return { federation_domain_whitelist: [] };
  return {
    federation_domain_whitelist: federation.group,
    tls_certificate_path: join(dir, "federation.crt"),
    tls_private_key_path: join(dir, "federation.key"),
    federation_verify_certificates: false,
    ip_range_whitelist: ["127.0.0.1"],
    federation: { destination_min_retry_interval: "1s", max_short_retry_delay: "1s", max_long_retry_delay: "5s" },
    rc_federation: { window_size: 1000, sleep_limit: 10000, sleep_delay: 1, reject_limit: 100000, concurrent: 1000 },
  };
}

function listenersOf(state: SynapseState) {
  const client = {
    port: state.port,
    bind_addresses: ["127.0.0.1"],
    type: "http",
    tls: false,
    x_forwarded: false,
    resources: [{ names: ["client"], compress: false }],
  };
  if (!state.federation) return [client];
  const federation = {
    port: state.federation.port,
    bind_addresses: ["127.0.0.1"],
    type: "http",
    tls: true,
    x_forwarded: false,
    resources: [{ names: ["federation"], compress: false }],
  };
  return [client, federation];
}

function homeserverYaml(state: SynapseState): string {
  const { dir, serverName } = state;
  const config = {
    server_name: serverName,
    pid_file: join(dir, "homeserver.pid"),
    public_baseurl: state.baseUrl + "/",
    listeners: listenersOf(state),
    database: { name: "sqlite3", args: { database: join(dir, "homeserver.db") } },
    log_config: join(dir, "log.config.yaml"),
    media_store_path: join(dir, "media"),
    signing_key_path: join(dir, "signing.key"),
    registration_shared_secret: state.registrationSecret,
    macaroon_secret_key: randomBytes(24).toString("hex"),
    form_secret: randomBytes(24).toString("hex"),
    report_stats: false,
    enable_registration: false,
    trusted_key_servers: [],
    suppress_key_server_warning: true,
    ...federationConfig(dir, state.federation),
    presence: { enabled: false },
    url_preview_enabled: false,
    rc_message: LIFTED,
    rc_registration: LIFTED,
    rc_login: { address: LIFTED, account: LIFTED, failed_attempts: LIFTED },
    rc_joins: { local: LIFTED, remote: LIFTED },
    rc_joins_per_room: LIFTED,
    rc_invites: { per_room: LIFTED, per_user: LIFTED, per_issuer: LIFTED },
    rc_key_requests: LIFTED,
    rc_3pid_validation: LIFTED,
    rc_admin_redaction: LIFTED,
    rc_room_creation: LIFTED,
    rc_delayed_event_mgmt: LIFTED,
    rc_presence: { per_user: LIFTED },
    rc_media_create: LIFTED,
    rc_reports: LIFTED,
    rc_profile: LIFTED,
    rc_user_directory: LIFTED,
  };
  // JSON is valid YAML, and needs no YAML writer here.
  return JSON.stringify(config, null, 2);
}

function logConfigYaml(logPath: string): string {
  return JSON.stringify({
    version: 1,
    formatters: {
      precise: { format: "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s" },
    },
    filters: { context: { "()": "synapse.logging.context.LoggingContextFilter", request: "" } },
    handlers: { file: { class: "logging.FileHandler", formatter: "precise", filename: logPath, filters: ["context"] } },
    loggers: { "synapse.storage.SQL": { level: "WARNING" } },
    root: { level: "INFO", handlers: ["file"] },
    disable_existing_loggers: false,
  });
}

/** Synapse reads "ed25519 <key id> <unpadded base64 seed>"; writing it here saves a slow --generate-keys run. */
function signingKey(): string {
  return `ed25519 a_tandem ${randomBytes(32).toString("base64").replace(/=+$/, "")}\n`;
}

/**
 * A self-signed certificate for localhost, made with the cryptography package Synapse itself
 * depends on, so the harness needs nothing beyond the Synapse virtualenv.
 */
function writeSelfSignedCertificate(python: string, dir: string): void {
  const script = `
import datetime, ipaddress, sys
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
key = ec.generate_private_key(ec.SECP256R1())
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
now = datetime.datetime.now(datetime.timezone.utc)
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
  .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1))
  .not_valid_after(now + datetime.timedelta(days=30))
  .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
  .sign(key, hashes.SHA256()))
open(sys.argv[1] + "/federation.crt", "wb").write(cert.public_bytes(serialization.Encoding.PEM))
open(sys.argv[1] + "/federation.key", "wb").write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
`;
  run(python, ["-c", script, dir], "generating the federation certificate");
}

export interface PrepareOptions {
  /** Federate: listen for federation with TLS on this port, as server "localhost:port". */
  federation?: FederationListener;
}

/** Writes a fresh homeserver (config, keys, log config) into a new temporary folder. */
export async function prepareSynapse(python: string, options: PrepareOptions = {}): Promise<SynapseState> {
  const dir = mkdtempSync(join(tmpdir(), "tandem-synapse-"));
  const port = await freePort();
  const { federation } = options;
  const state: SynapseState = {
    version: SYNAPSE_VERSION,
    dir,
    python,
    configPath: join(dir, "homeserver.yaml"),
    logPath: join(dir, "homeserver.log"),
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    serverName: federation ? federationServerName(federation.port) : "localhost",
    registrationSecret: randomBytes(24).toString("hex"),
    ...(federation ? { federation } : {}),
  };
  mkdirSync(join(dir, "media"));
  writeFileSync(join(dir, "log.config.yaml"), logConfigYaml(state.logPath));
  writeFileSync(join(dir, "signing.key"), signingKey(), { mode: 0o600 });
  if (federation) writeSelfSignedCertificate(python, dir);
  writeFileSync(state.configPath, homeserverYaml(state));
  return state;
}

/**
 * A server name with its port resolves without SRV or .well-known (server-server spec, resolving
 * server names). A hostname rather than "127.0.0.1": Synapse refuses an IP literal in the outbound
 * blocklist outright, while a hostname's addresses also go through ip_range_whitelist.
 */
export function federationServerName(port: number): string {
  return `localhost:${port}`;
}

export function logTail(path: string, lines = 60): string {
  if (!existsSync(path)) return `(no log at ${path})`;
  return readFileSync(path, "utf8").split("\n").slice(-lines).join("\n");
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok && (await response.text()).trim() === "OK";
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts Synapse (detached from the caller's lifetime: the teardown stops it by pid) and waits for /health. */
export async function startSynapse(state: SynapseState, timeoutMs = 90_000): Promise<SynapseState> {
  const stdio = openSync(join(state.dir, "stdio.log"), "a");
  const child = spawn(state.python, ["-m", "synapse.app.homeserver", "--config-path", state.configPath], {
    cwd: state.dir,
    stdio: ["ignore", stdio, stdio],
    detached: true,
    env: { ...process.env, SYNAPSE_TEST_LOG_LEVEL: "INFO" },
  });
  closeSync(stdio);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new HarnessError("could not spawn Synapse");
  const started = { ...state, pid };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await isHealthy(state.baseUrl)) return started;
    if (!isAlive(pid) || child.exitCode !== null) {
      throw new HarnessError(
        `Synapse exited during start-up.\n--- ${state.logPath}\n${logTail(state.logPath)}\n--- stdio\n${logTail(join(state.dir, "stdio.log"))}`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopSynapse(started);
  throw new HarnessError(
    `Synapse did not answer /health within ${timeoutMs} ms.\n--- ${state.logPath}\n${logTail(state.logPath)}`,
  );
}

export async function stopSynapse(state: SynapseState, timeoutMs = 20_000): Promise<SynapseState> {
  const { pid } = state;
  if (pid === undefined || !isAlive(pid)) return { ...state, pid: undefined };
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  return { ...state, pid: undefined };
}

/** Where the global setup leaves the state for the workers and the teardown. */
export const STATE_ENV = "TANDEM_E2E_SYNAPSE_STATE";

export function writeState(path: string, state: SynapseState): void {
  writeFileSync(path, JSON.stringify(state, null, 2));
}

export function readState(): SynapseState {
  const path = process.env[STATE_ENV];
  if (!path || !existsSync(path))
    throw new HarnessError(`no Synapse state (${STATE_ENV} unset): run the e2e project through jest`);
  return JSON.parse(readFileSync(path, "utf8")) as SynapseState;
}

const EXTRA_PREFIX = "extra-homeserver-";

/**
 * Records a server a suite started beside the shared state file, so the global teardown still
 * stops it when the suite's worker dies before its afterAll. Returns the record to remove.
 */
export function trackHomeserver(state: SynapseState): string {
  const path = join(dirname(process.env[STATE_ENV]!), `${EXTRA_PREFIX}${randomBytes(6).toString("hex")}.json`);
  writeFileSync(path, JSON.stringify(state));
  return path;
}

/** The servers suites started and did not stop. */
export function leftoverHomeservers(): SynapseState[] {
  const path = process.env[STATE_ENV];
  if (!path || !existsSync(dirname(path))) return [];
  return readdirSync(dirname(path))
    .filter((name) => name.startsWith(EXTRA_PREFIX))
    .map((name) => JSON.parse(readFileSync(join(dirname(path), name), "utf8")) as SynapseState);
}

/** Stops the shared server for a while (for "homeserver down" tests); the state file keeps the new pid. */
export async function restartSharedSynapse(downForMs: number, whileDown?: () => Promise<void>): Promise<void> {
  const path = process.env[STATE_ENV]!;
  const stopped = await stopSynapse(readState());
  writeState(path, stopped);
  if (whileDown) await whileDown();
  await new Promise((r) => setTimeout(r, downForMs));
  writeState(path, await startSynapse(stopped));
}

export interface RegisteredUser {
  userId: string;
  password: string;
  accessToken: string;
  deviceId: string;
}

/** Registers a user with the shared-secret admin API (nonce + HMAC-SHA1), as `register_new_matrix_user` does. */
export async function registerUser(
  state: SynapseState,
  localpart: string,
  password = randomBytes(12).toString("hex"),
  admin = false,
): Promise<RegisteredUser> {
  const url = `${state.baseUrl}/_synapse/admin/v1/register`;
  const { nonce } = (await (await fetch(url)).json()) as { nonce: string };
  const mac = createHmac("sha1", state.registrationSecret)
    .update(`${nonce}\0${localpart}\0${password}\0${admin ? "admin" : "notadmin"}`)
    .digest("hex");
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ nonce, username: localpart, password, admin, mac }),
  });
  const body = (await response.json()) as { user_id: string; access_token: string; device_id: string; error?: string };
  if (!response.ok) throw new HarnessError(`registering ${localpart} failed: ${response.status} ${body.error ?? ""}`);
  return { userId: body.user_id, password, accessToken: body.access_token, deviceId: body.device_id };
}
