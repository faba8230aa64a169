import type { Db } from "../platform/db.js";
import type { AnyCommand, Command, ElsewhereOf, RenderContext } from "./command.js";
import type { Doc } from "./doc.js";
import type { Catalog, Lang } from "./i18n/catalog.js";
import type { IncomingEvent, Person } from "./invocation.js";
import type { Level } from "./level.js";
import type { ArgsOf, Params } from "./params.js";
import type { RoomMember } from "./port.js";
import type { RoomDataPart } from "./room-data.js";
import type { RoomJobs } from "./scheduler/room-jobs.js";
import type { PostHandler } from "./scheduler/post.js";

/**
 * One self-contained feature (a folder under commands/): its commands, scheduled posts, part of
 * forget and wipe, texts in every language, and what reactions to its messages mean. The registry
 * in commands/index.ts lists them; nothing else needs to know a feature exists.
 */
export interface Feature<S = unknown, N extends string = string> {
  name: string;
  /** The feature's own services on a database: its repositories and what it asks of other features. */
  services(db: Db): S;
  // biome-ignore lint/suspicious/noExplicitAny: a feature's commands differ in parameters and results; the slice type is what they share
  commands: readonly Command<any, any, S, N>[];
  posts?: Readonly<Record<string, PostHandler<S>>>;
  roomData?: readonly RoomDataPart[];
  texts: Readonly<Record<Lang, Catalog>>;
  /**
   * What a reaction (`key`, e.g. 👍) to one of the bot's messages about `ref` (see `Doc.ref`) stands
   * for: a command with its arguments, run for the reactor; undefined otherwise.
   */
  reaction?(ref: string, key: string): Invoke | undefined;
  /**
   * What an answer to one of the bot's polls about `ref` stands for: a command with its arguments,
   * run quietly (no reply in the room) for the member; undefined when it means nothing.
   */
  pollAnswer?(ref: string, answerIds: readonly string[]): Invoke | undefined;
  /**
   * What a message that is no command, written in reply to one of the bot's messages about `ref`,
   * stands for (a reason for a poll answer): a command with its arguments, run for the member;
   * undefined when it means nothing (most replies are conversation).
   */
  reply?(ref: string, text: string): Invoke | undefined;
  /**
   * What the feature does with structured events of these types from other bots (see
   * `Doc.event`): it validates the content and may answer anywhere through `elsewhere`.
   */
  events?: Readonly<Record<string, EventHandler<S>>>;
  /**
   * Whether the room belongs to another bot (an assembly another Tandem hosts): there this one
   * stays silent, answering no command, reaction or poll, and reads only structured events.
   */
  othersRoom?(db: Db, roomId: string): boolean;
  /** Accounts of other bots the feature knows in the room (another Tandem in an assembly): members, not people. */
  bots?(db: Db, roomId: string): readonly string[];
  /**
   * Whether this Tandem hosts the room for others (an assembly): its messages there carry the host
   * mark (`HOST_MARK`), so another Tandem in the room learns to stay silent.
   */
  hosts?(db: Db, roomId: string): boolean;
  /**
   * What the feature posts in the room when a person joins it (a welcome), or null. Bots joining,
   * and rooms of another Tandem, never reach it.
   */
  joined?(ctx: JoinContext<S>): Doc | null;
}

/** What a feature may use when someone joins; it runs synchronously inside the join's transaction. */
export interface JoinContext<S = unknown> extends RenderContext {
  /** Who joined, with the name the room shows for them. */
  member: Person & { userId: string };
  slice: S;
  jobs: RoomJobs;
  /** The room's members who are people (without this bot and other bots). */
  people(): readonly RoomMember[];
  /** A member's level in the room (moderators answer newcomers' questions). */
  levelOf(userId: string): Level;
}

/**
 * A command with its arguments already bound, as a reaction or a poll answer stands for it. It is
 * run as it is, never written out as a line and read again: a command that only reactions run
 * (one the feature does not list in `commands`) cannot be typed by anyone.
 */
export interface Invoke {
  command: AnyCommand;
  args: Readonly<Record<string, unknown>>;
}

/** Binds a command's arguments, typed by its parameters. */
export function invoke<P extends Params, R, S>(command: Command<P, R, S>, args: ArgsOf<P>): Invoke {
  return { command, args };
}

/** What an event handler may use; it runs synchronously inside the event's transaction. */
export interface EventContext<S = unknown> {
  event: IncomingEvent;
  now: number;
  slice: S;
  elsewhere: ElsewhereOf;
  /**
   * Whether this Tandem keeps anything of the event's room (what `!cell wipe` would count): a room
   * with a cell's data is never given up to another bot on the word of an event.
   */
  keepsData(): boolean;
}

export type EventHandler<S = unknown> = (ctx: EventContext<S>) => void;

// biome-ignore lint/suspicious/noExplicitAny: the registry holds features of different slice types
export type AnyFeature = Feature<any>;

export function defineFeature<S, N extends string = string>(feature: Feature<S, N>): Feature<S, N> {
  return feature;
}

export function commandsOfAll(features: readonly AnyFeature[]): AnyCommand[] {
  return features.flatMap((f) => f.commands);
}
