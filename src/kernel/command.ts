import type { Doc } from "./doc.js";
import type { KeySuffix, Lang, TextKey } from "./i18n/catalog.js";
import type { Translator } from "./i18n/index.js";
import type { Invocation, Person } from "./invocation.js";
import type { Level } from "./level.js";
import type { ArgsOf, Params } from "./params.js";
import type { RoomMember } from "./port.js";
import type { BoundRoomData, PersonMatch } from "./room-data.js";
import type { RoomJobs } from "./scheduler/room-jobs.js";

// errors.ts stands below this file: what an error's deferred words may use is completed here.
declare module "./errors.js" {
  interface ErrorView extends RenderContext {}
}

export interface RoomSettingsView {
  language: Lang;
  timezone: string;
}

/**
 * Every command's canonical name, listed by each feature next to its commands (`names` in its
 * index.ts) through declaration merging: the kernel cannot import the features, yet a hint that
 * names no command must fail the build. commands/index.ts checks the lists against the commands.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface CommandNames {}

/** A command's canonical (English) name, as hints name it. */
export type CommandName = keyof CommandNames & string;

/** Values a hint fills into a command's parameters, in their order. */
export type HintArgs = Readonly<Record<string, string | number | undefined>>;

/**
 * What rendering may use: words, the room's language and zone, names of people, and hints that
 * name commands. Nothing here changes anything.
 */
export interface RenderContext {
  roomId: string;
  /** Epoch milliseconds; injected so tests control time. */
  now: number;
  settings: RoomSettingsView;
  t: Translator;
  prefix: string;
  /** A command as a member would type it in this room: `!careplan 3 join`, in the room's prefix and language. */
  hint(command: CommandName, args?: HintArgs): string;
  /** A stored person key (a user id, or `name:Ana`) as a person with the name this room knows. */
  personOf(key: string): Person;
}

/** What the kernel offers the few commands that look after the house itself (help, privacy, settings). */
export interface KernelView {
  /** Every command, for help. */
  commands(): readonly AnyCommand[];
  /** Every feature's part of a person's and a room's data, bound to this room, for forget and wipe. */
  roomData(): readonly BoundRoomData[];
  /** A translator for another language (a room that just switched language answers in it). */
  translator(lang: Lang): Translator;
  /** A command's example lines in this room's language, with the prefix. */
  examples(command: AnyCommand): string[];
  /**
   * Asks for work once the message's transaction committed. `compact`: erased data must leave the
   * disk too, so the write-ahead log is checkpointed and truncated (old page versions in it still
   * hold what was forgotten or wiped). `forget` and `wipe`: what transports keep outside the
   * database (printed files, a Matrix client's caches) goes too. Nothing happens if the command fails.
   */
  afterCommit(action: AfterCommit): void;
}

/**
 * What every command gets: the render context's words, zone and hints, who asked with which level,
 * and its feature's slice. Anything else is a capability it names in `uses`.
 */
export interface CoreContext<S = unknown> extends RenderContext {
  sender: Person & { userId: string };
  level: Level;
  /** The command's own feature: its repositories and what it asks of other features. */
  slice: S;
}

/** The people of this room, for commands that resolve, count or address them. */
export interface RoomPeople {
  /** Resolve a `@word` into a person of this room (or a plain-text name). */
  person(word: string): Person | undefined;
  /**
   * The members who are people: without this bot and the other bots features know of (another
   * Tandem in an assembly room). Who may vote and how many make a quorum are counted from these.
   */
  people(): readonly RoomMember[];
  /** Whether this is a direct chat between the sender and the bot. */
  direct: boolean;
}

/**
 * What a command may ask for beyond the core, by name in its `uses`; the dispatcher builds only
 * those, and `ctx` in its `run` holds only those, so a command reaching for one it did not name
 * fails the build.
 */
export interface Capabilities {
  /** This room's scheduled posts. */
  jobs: RoomJobs;
  room: RoomPeople;
  /** The message as it came (its `sentAt` is the moment a vote was cast). */
  invocation: Invocation;
  kernel: KernelView;
  /** Another room, for the few commands that speak across rooms (federation, the fund's private requests). */
  elsewhere: ElsewhereOf;
}

export type Capability = keyof Capabilities;

/** Everything a command may use: the core and the capabilities `U` it asked for. It runs synchronously inside the message's transaction. */
export type CommandContext<S = unknown, U extends Capability = never> = CoreContext<S> & Pick<Capabilities, U>;

/** Work the dispatcher does after a message's transaction committed. */
export type AfterCommit = "compact" | "wipe" | { forget: PersonMatch };

/**
 * Another room than the one a command, post or event runs in. Only federation (a cell's figures to
 * its assembly, an announcement to each cell) and the fund (a private request asked in a direct
 * chat is announced in its cell) cross rooms, and only through this: what it posts or plans is
 * queued in the same transaction, in that room's language and zone.
 */
export interface Elsewhere {
  view: RenderContext;
  jobs: RoomJobs;
  /** Queues a notice (or a structured event) for that room. */
  post(doc: Doc): void;
  /** Its members as the transport knows them: none when the bot is not in it. */
  members(): readonly RoomMember[];
}

export type ElsewhereOf = (roomId: string) => Elsewhere;

/** The parts of the configuration the dispatcher reads. */
export interface CommandConfig {
  prefix: string;
  ledger: { maxEntriesPerHour: number };
  defaults: RoomSettingsView;
}

export type Rendered = Doc | Doc[];

export type Examples = Readonly<Record<Lang, readonly string[]>>;

/** How often a member may run a command in a room, per hour; counted only when it succeeds. */
export interface RateLimit {
  /** Commands sharing a bucket share a count. */
  bucket: string;
  perHour(config: CommandConfig): number;
  /** Catalog key of the refusal; it gets `{max}`. */
  refusal: TextKey;
}

export interface Command<
  P extends Params = Params,
  R = unknown,
  S = unknown,
  N extends string = string,
  U extends Capability = Capability,
> {
  /** One or more words, e.g. "ledger thanks". */
  name: N;
  /** The Spanish name, used in hints and help in Spanish rooms (and understood everywhere). */
  es?: string;
  /**
   * Other full names. A `#` stands for the command's first number parameter written inside the
   * name, as people say it: "careplan # join" reads `!careplan 3 join`. When the first alias is
   * such a form, hints write the command that way.
   */
  aliases?: string[];
  /** Help group (first word of the family); it has a title, `help.group.<group>`. */
  group: KeySuffix<"help.group.">;
  /** Catalog key of the one-line summary. */
  summary: TextKey;
  /**
   * Example lines without the prefix, written in each language: a Spanish line uses the Spanish
   * names and Spanish words (`registro gracias @ana cocinó 40 comidas`), never a translation machine's.
   */
  examples: Examples;
  level: Level;
  params: P;
  rateLimit?: RateLimit;
  /** The capabilities `run` uses beyond the core (see `Capabilities`). */
  uses?: readonly U[];
  run(args: ArgsOf<P>, ctx: CommandContext<S, U>): R;
  render(result: R, view: RenderContext): Rendered;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds commands of different parameter, result and slice types; each validates its own input
export type AnyCommand = Command<any, any, any, string, any>;

/** Parameters each with its label in the texts (`arg.<name>`, shown in usage lines); an unlabelled one is `never`. */
export type Labelled<P> = { [K in keyof P]: K extends KeySuffix<"arg."> ? P[K] : never };

/**
 * A feature's command builder: `const command = commandsOf<LedgerSlice>()`, then
 * `command({ … })` keeps each command's parameter and result types while fixing its slice.
 */
export function commandsOf<S>() {
  return <P extends Params, R, const N extends string, const U extends Capability = never>(
    command: Command<P, R, S, N, U> & { params: Labelled<P> },
  ): Command<P, R, S, N, U> => command;
}
