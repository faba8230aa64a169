import type { Db } from "../platform/db.js";
import type { AnyCommand, Command, ElsewhereOf } from "./command.js";
import type { Catalog, Lang } from "./i18n/catalog.js";
import type { IncomingEvent } from "./invocation.js";
import type { RoomDataPart } from "./room-data.js";
import type { PostHandler } from "./scheduler/post.js";

/**
 * One self-contained feature (a folder under commands/): its commands, scheduled posts, part of
 * forget and wipe, texts in every language, and what reactions to its messages mean. The registry
 * in commands/index.ts lists them; nothing else needs to know a feature exists.
 */
export interface Feature<S = unknown> {
  name: string;
  /** The feature's own services on a database: its repositories and what it asks of other features. */
  services(db: Db): S;
  // biome-ignore lint/suspicious/noExplicitAny: a feature's commands differ in parameters and results; the slice type is what they share
  commands: readonly Command<any, any, S>[];
  posts?: Readonly<Record<string, PostHandler<S>>>;
  roomData?: readonly RoomDataPart[];
  texts: Readonly<Record<Lang, Catalog>>;
  /**
   * What a reaction (`key`, e.g. 👍) to one of the bot's messages about `ref` (see `Doc.ref`) stands
   * for: a command line without the prefix, run as if the reactor had typed it; undefined otherwise.
   */
  reaction?(ref: string, key: string): string | undefined;
  /**
   * What an answer to one of the bot's polls about `ref` stands for: a command line run quietly
   * (no reply in the room) as if the member had typed it; undefined when it means nothing.
   */
  pollAnswer?(ref: string, answerIds: readonly string[]): string | undefined;
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
}

/** What an event handler may use; it runs synchronously inside the event's transaction. */
export interface EventContext<S = unknown> {
  event: IncomingEvent;
  now: number;
  slice: S;
  elsewhere: ElsewhereOf;
}

export type EventHandler<S = unknown> = (ctx: EventContext<S>) => void;

// biome-ignore lint/suspicious/noExplicitAny: the registry holds features of different slice types
export type AnyFeature = Feature<any>;

export function defineFeature<S>(feature: Feature<S>): Feature<S> {
  return feature;
}

export function commandsOfAll(features: readonly AnyFeature[]): AnyCommand[] {
  return features.flatMap((f) => f.commands);
}
