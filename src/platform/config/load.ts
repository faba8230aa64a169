import { readFileSync } from "node:fs";
import { parse as parseYaml, YAMLParseError } from "yaml";
import type { z } from "zod";
import { closest } from "../../kernel/suggest.js";
import { configSchema, type Config } from "./schema.js";

/** Config problems, one line each; the bot prints them and stops before doing anything. */
export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    source: string,
  ) {
    super(
      `${source} has ${problems.length === 1 ? "a problem" : `${problems.length} problems`}:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

/** Environment variables that fill config keys, so secrets can stay out of the file. */
export const ENVIRONMENT: Record<string, string[]> = {
  TANDEM_DATABASE: ["database", "path"],
  TANDEM_DATABASE_KEY: ["database", "key"],
  TANDEM_MATRIX_HOMESERVER_URL: ["matrix", "homeserverUrl"],
  TANDEM_MATRIX_USER_ID: ["matrix", "userId"],
  TANDEM_MATRIX_ACCESS_TOKEN: ["matrix", "accessToken"],
  TANDEM_MATRIX_DEVICE_ID: ["matrix", "deviceId"],
  TANDEM_MATRIX_PASSWORD: ["matrix", "password"],
  TANDEM_CRYPTO_STORE_KEY: ["matrix", "cryptoStoreKey"],
  TANDEM_RECOVERY_KEY: ["matrix", "recoveryKey"],
};

const SECRET = /token|password|key/i;

/** Keys that hold a random secret, and how an operator makes one. */
const MAKE_ONE: Record<string, string> = {
  "database.key": "openssl rand -base64 32",
  "matrix.cryptoStoreKey": "openssl rand -base64 32",
};

/** The keys the schema knows at a path, to suggest the one a typo meant. */
function knownKeys(path: PropertyKey[]): string[] {
  let node: unknown = configSchema;
  for (const key of path) node = shapeOf(node)?.[String(key)];
  return Object.keys(shapeOf(node) ?? {});
}

function shapeOf(schema: unknown): Record<string, unknown> | undefined {
  let s = schema as { shape?: Record<string, unknown>; _zod?: { def?: { innerType?: unknown } } } | undefined;
  // Optional and defaulted sections wrap their object.
  while (s && !s.shape && s._zod?.def?.innerType) s = s._zod.def.innerType as typeof s;
  return s?.shape;
}

export function loadConfig(path: string | undefined, env: NodeJS.ProcessEnv = process.env): Config {
  let raw: unknown = {};
  if (path) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (err) {
      throw new ConfigError([`cannot read the file (${(err as NodeJS.ErrnoException).code ?? "error"})`], path);
    }
    try {
      raw = parseYaml(text) ?? {};
    } catch (err) {
      const where = err instanceof YAMLParseError && err.linePos ? ` at line ${err.linePos[0].line}` : "";
      throw new ConfigError([`not valid YAML${where}`], path);
    }
    if (typeof raw !== "object" || Array.isArray(raw))
      throw new ConfigError(["expected a mapping of keys to values at the top level"], path);
  }
  return parseConfig(applyEnvironment(raw as Record<string, unknown>, env), path ?? "the configuration");
}

export function parseConfig(input: unknown, source = "the configuration"): Config {
  const raw = normalizeDatabase(input);
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    // One line per key: a value can break several rules, the first one says enough.
    const firstPerKey = new Map(
      result.error.issues.map((i) => [i.code === "unrecognized_keys" ? i : i.path.join("."), i] as const).reverse(),
    );
    throw new ConfigError(
      [...firstPerKey.values()].reverse().flatMap((i) => describeIssue(i, raw)),
      source,
    );
  }
  return result.data;
}

/** `database: PATH` (the older form, still fine) means `database: { path: PATH }`. */
function normalizeDatabase(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const database = (raw as Record<string, unknown>).database;
  return typeof database === "string" ? { ...raw, database: { path: database } } : raw;
}

function applyEnvironment(raw: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const merged = structuredClone(normalizeDatabase(raw)) as Record<string, unknown>;
  for (const [name, path] of Object.entries(ENVIRONMENT)) {
    const value = env[name];
    if (value === undefined || value === "") continue;
    let node = merged;
    for (const key of path.slice(0, -1)) {
      if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return merged;
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined),
    raw,
  );
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string[] {
  const key = issue.path.map(String).join(".") || "(top level)";
  if (issue.code === "unrecognized_keys") {
    const known = knownKeys(issue.path);
    return issue.keys.map((k) => {
      const meant = closest(k, known, 1)[0];
      const hint = meant ? `did you mean ${meant}?` : "check its spelling in config.example.yaml";
      return `${key === "(top level)" ? k : `${key}.${k}`}: unknown key (${hint})`;
    });
  }
  const value = valueAt(raw, issue.path);
  if (value === undefined && issue.code === "invalid_type") return [`${key}: found nothing; ${missing(key)}`];
  const found = value === undefined ? "nothing" : SECRET.test(key) ? "a value (hidden)" : JSON.stringify(value);
  return [`${key}: found ${found}; ${issue.message.replace(/^Invalid input: /, "")}`];
}

/** What a required key needs, and where else it may come from: an environment variable, and how to make a secret. */
function missing(key: string): string {
  const variable = Object.entries(ENVIRONMENT).find(([, path]) => path.join(".") === key)?.[0];
  const make = MAKE_ONE[key];
  return [
    `it is required${variable ? `: set it here or in the environment variable ${variable}` : ""}`,
    make ? ` (make one with: ${make})` : "",
  ].join("");
}
