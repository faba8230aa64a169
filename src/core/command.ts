import type { z } from "zod";
import type { Translator } from "../i18n/index.js";
import type { Db } from "../store/db.js";
import type { RoomView } from "../transport/port.js";
import type { Doc } from "./doc.js";
import type { Invocation, Person } from "./invocation.js";
import type { Level } from "./level.js";

/** How the words after a command name become its arguments; usage lines are generated from these. */
export type ParamSpec =
  | { name: string; kind: "word"; optional?: boolean; choices?: readonly string[] }
  | { name: string; kind: "int"; optional?: boolean }
  | { name: string; kind: "person"; optional?: boolean }
  | { name: string; kind: "people"; min?: number }
  | { name: string; kind: "rest"; optional?: boolean };

export interface RoomSettingsView {
  language: import("../i18n/catalog.js").Lang;
  timezone: string;
}

/** Everything a command may use. It runs synchronously inside the message's transaction. */
export interface CommandContext {
  db: Db;
  roomId: string;
  sender: Person & { userId: string };
  level: Level;
  /** Epoch milliseconds; injected so tests control time. */
  now: number;
  settings: RoomSettingsView;
  t: Translator;
  room: RoomView;
  invocation: Invocation;
  config: CommandConfig;
  /** Resolve a `@word` into a person of this room (or a plain-text name). */
  person(word: string): Person | undefined;
}

/** The parts of the configuration commands read. */
export interface CommandConfig {
  prefix: string;
  ledger: { maxEntriesPerHour: number };
  defaults: { language: import("../i18n/catalog.js").Lang; timezone: string };
}

export type CommandResult = Doc | Doc[];

export interface Command<A = Record<string, unknown>> {
  /** One or more words, e.g. "ledger thanks". */
  name: string;
  /** Other full names, e.g. "thanks" for "ledger thanks". */
  aliases?: string[];
  /** Help group (first word of the family). */
  group: string;
  /** Catalog key of the one-line summary. */
  summary: string;
  /** Literal example lines, without the prefix. */
  examples: string[];
  level: Level;
  params: ParamSpec[];
  args: z.ZodType<A>;
  run(args: A, ctx: CommandContext): CommandResult;
  /**
   * What a reaction to one of the bot's messages about `ref` (see `Doc.ref`) stands for: a command
   * line without the prefix, run as if the reactor had typed it; undefined when it means nothing.
   */
  reaction?(ref: string): string | undefined;
}

/** Keeps the argument type of each command while the registry holds them side by side. */
export function defineCommand<A>(command: Command<A>): Command<A> {
  return command;
}

// The registry stores commands of different argument types; each validates its own input with zod.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any>;
