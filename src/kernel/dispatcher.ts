import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { ZodError } from "zod";
import type { Db } from "../platform/db.js";
import { errorForLog } from "../platform/log.js";
import { perDb } from "../platform/per-db.js";
import type { AfterCommit, AnyCommand, CommandConfig, CommandContext, KernelView, RenderContext } from "./command.js";
import { CommandIndex } from "./command-index.js";
import { doc, p, type Doc } from "./doc.js";
import { UserError } from "./errors.js";
import type { AnyFeature, EventHandler } from "./feature.js";
import { elsewhereFrom } from "./elsewhere.js";
import { renderContextFor, type RoomContextDeps } from "./room-context.js";
import { markHandled } from "./handled-events.js";
import { localExample } from "./hints.js";
import type { Texts, Translator } from "./i18n/index.js";
import type { IncomingEvent, Invocation, PollAnswer, Reaction } from "./invocation.js";
import { kernelRoomData } from "./kernel-room-data.js";
import { levelOf, type PermissionConfig } from "./level.js";
import { commandText, localpart, resolvePerson } from "./mentions.js";
import { deliveredMessage, enqueue } from "./outbox/outbox.js";
import { bindMatch, chooseMatch, typoOf, type Reading } from "./matching.js";
import { argsSchema } from "./params.js";
import type { RoomView } from "./port.js";
import { RateLimiter } from "./rate-limiter.js";
import { bindRoomData, type RoomDataPart } from "./room-data.js";
import { roomJobs } from "./scheduler/room-jobs.js";
import { tokenize } from "./tokenizer.js";
import { cleanInput, excerpt } from "./text-hygiene.js";
import { fitToEvent } from "./doc-limit.js";
import { usageDoc } from "./usage.js";

export interface DispatcherDeps {
  db: Db;
  features: readonly AnyFeature[];
  texts: Texts;
  room: RoomView;
  config: CommandConfig & { permissions: PermissionConfig };
  log: Logger;
  clock: () => number;
  /** Called after a reply was committed to the outbox, to wake the sender. */
  onEnqueued?: () => void;
  /** What a transport keeps about people and rooms, forgotten and wiped with the features' data. */
  roomData?: readonly RoomDataPart[];
}

export type Outcome = "ignored" | "duplicate" | "handled";

/** What the stages pass on: the message, and what the earlier stages learned about it. */
interface Run {
  inv: Invocation;
  line: string;
  now: number;
  t: Translator;
  view: RenderContext;
  /** A rate-limit count to add once the message's transaction committed. */
  counted?: string;
  /** What the command asked to be done once the message's transaction committed. */
  afterCommit: Set<AfterCommit>;
  /** The outbox key its replies derive from. */
  key: string;
}

/**
 * Turns one message into at most one reply, in ordered stages inside one transaction:
 * find → authorize → rate-limit → bind → run → render → enqueue. Effects, the "handled" mark and
 * the reply are committed together; the command itself runs in a nested savepoint, so a failing
 * command leaves no trace but its error reply.
 */
export class Dispatcher {
  private readonly index: CommandIndex;
  private readonly featureOf = new Map<AnyCommand, AnyFeature>();
  private readonly services = new Map<AnyFeature, (db: Db) => unknown>();
  private readonly limiter = new RateLimiter();
  private readonly eventHandlers = new Map<string, { handler: EventHandler; feature: AnyFeature }>();

  constructor(private readonly deps: DispatcherDeps) {
    for (const feature of deps.features) {
      for (const command of feature.commands) this.featureOf.set(command, feature);
      this.services.set(feature, perDb((db) => feature.services(db)));
      for (const [type, handler] of Object.entries(feature.events ?? {})) {
        if (this.eventHandlers.has(type)) throw new Error(`two features read the event type ${type}`);
        this.eventHandlers.set(type, { handler: handler as EventHandler, feature });
      }
    }
    this.index = new CommandIndex([...this.featureOf.keys()]);
  }

  /** Whether some feature reads structured events of this type (the transport asks before checking the sender's device). */
  readsEvent(type: string): boolean {
    return this.eventHandlers.has(type);
  }

  /**
   * A structured event from another bot, handled once in one transaction with what its feature
   * queues. A handler that fails leaves nothing but the mark: an event that breaks it would break
   * it again, and the sender's content is never logged.
   */
  handleEvent(event: IncomingEvent): Outcome {
    const entry = this.eventHandlers.get(event.type);
    if (!entry) return "ignored";
    const { db } = this.deps;
    const now = this.deps.clock();
    let posted = 0;
    const outcome = db.transaction((): Outcome => {
      if (!markHandled(db, event.eventId, event.roomId, now)) return "duplicate";
      const elsewhere = elsewhereFrom(this.roomContextDeps(), event.eventId, now);
      try {
        db.transaction(() => entry.handler({ event, now, slice: this.services.get(entry.feature)!(db), elsewhere: elsewhere.of }))();
        posted = elsewhere.posted();
      } catch (err) {
        this.deps.log.error({ type: event.type, err: errorForLog(err) }, "structured event not handled");
      }
      return "handled";
    })();
    if (posted > 0) this.deps.onEnqueued?.();
    return outcome;
  }

  private roomContextDeps(): RoomContextDeps {
    return { db: this.deps.db, texts: this.deps.texts, index: this.index, prefix: this.deps.config.prefix, defaults: this.deps.config.defaults, room: this.deps.room };
  }

  handle(inv: Invocation): Outcome {
    const prefix = this.deps.config.prefix;
    if (!inv.text.includes(prefix)) return "ignored";
    const text = cleanInput(commandText(inv, this.deps.room));
    if (!text.startsWith(prefix)) return "ignored";
    // "@ana,@bo" names two people, like "@ana, @bo".
    return this.commit(inv, text.slice(prefix.length).replace(/,(?=@)/g, ", "), inv.eventId);
  }

  /**
   * A reaction to one of the bot's own messages runs the command line that message stands for, as
   * if the reactor had typed it; the reply answers the message reacted to, in its thread. Reactions
   * to anything else are ignored without a word.
   */
  handleReaction(reaction: Reaction): Outcome {
    const target = deliveredMessage(this.deps.db, reaction.roomId, reaction.relatesTo);
    const ref = target?.ref;
    const line = ref === undefined ? undefined : this.deps.features.map((f) => f.reaction?.(ref, reaction.key)).find((l) => l !== undefined);
    if (line === undefined) return "ignored";
    const inv: Invocation = {
      eventId: reaction.eventId,
      roomId: reaction.roomId,
      sender: reaction.sender,
      text: `${this.deps.config.prefix}${line}`,
      sentAt: reaction.sentAt,
      ...(target?.threadRootId ? { threadRootId: target.threadRootId } : {}),
    };
    return this.commit(inv, line, reaction.relatesTo);
  }

  /**
   * An answer to one of the bot's polls runs, quietly, the command line the poll's feature says it
   * stands for (a vote): members answered in their client and expect no message back.
   */
  handlePollAnswer(answer: PollAnswer): Outcome {
    const target = deliveredMessage(this.deps.db, answer.roomId, answer.pollEventId);
    const ref = target?.ref;
    const line = ref === undefined ? undefined : this.deps.features.map((f) => f.pollAnswer?.(ref, answer.answerIds)).find((l) => l !== undefined);
    if (line === undefined) return "ignored";
    const inv: Invocation = { eventId: answer.eventId, roomId: answer.roomId, sender: answer.sender, text: `${this.deps.config.prefix}${line}`, sentAt: answer.sentAt };
    return this.commit(inv, line, answer.pollEventId, { quiet: true });
  }

  /** One transaction: the "handled" mark (a redelivered event stops here), the effects and the replies. */
  private commit(inv: Invocation, line: string, replyToEventId: string, options: { quiet?: boolean } = {}): Outcome {
    const { db } = this.deps;
    if (this.deps.features.some((f) => f.othersRoom?.(db, inv.roomId))) return "ignored";
    const now = this.deps.clock();
    let counted: string | undefined;
    let afterCommit = new Set<AfterCommit>();
    const outcome = db.transaction((): Outcome => {
      if (!markHandled(db, inv.eventId, inv.roomId, now)) return "duplicate";
      const run = this.begin(inv, line, now);
      const replies = [this.execute(run)].flat().map((reply) => fitToEvent(reply, run.t));
      counted = run.counted;
      afterCommit = run.afterCommit;
      if (!options.quiet) this.enqueueReplies(inv, replies, replyToEventId, now);
      return "handled";
    })();
    if (counted) this.limiter.record(counted, now);
    if (afterCommit.has("compact")) this.compact();
    if (outcome === "handled") this.deps.onEnqueued?.();
    return outcome;
  }

  private begin(inv: Invocation, line: string, now: number): Run {
    const view: RenderContext = renderContextFor(this.roomContextDeps(), inv.roomId, now);
    return { inv, line, now, t: view.t, view, afterCommit: new Set(), key: inv.eventId };
  }

  private execute(run: Run): Doc | Doc[] {
    const tokens = tokenize(run.line);
    const reading: Reading = { index: this.index, tokens, line: run.line, resolve: (word) => resolvePerson(word, run.inv.roomId, this.deps.room), lang: run.t.lang, prefix: run.view.prefix };
    const match = chooseMatch(this.index.find(tokens), reading);
    if (!match) return this.unknown(reading, run);
    const { command } = match;
    let raw: Record<string, unknown> = {};
    try {
      const ctx = this.context(command, run);
      this.authorize(command, ctx, run);
      this.rateLimit(command, run);
      raw = bindMatch(match, reading);
      const args = argsSchema(command.params).parse(raw);
      const result: unknown = this.deps.db.transaction(() => command.run(args, ctx))();
      return command.render(result, run.view);
    } catch (err) {
      run.counted = undefined;
      run.afterCommit.clear();
      if (err instanceof UserError) return this.userError(err, command, run.t);
      if (err instanceof ZodError) return this.userError(zodToUserError(err, raw), command, run.t);
      const ref = randomBytes(4).toString("hex");
      this.deps.log.error({ ref, command: command.name, err: errorForLog(err) }, "command failed");
      return doc(p(...run.t.t("error.unexpected", { ref })));
    }
  }

  private context(command: AnyCommand, run: Run): CommandContext {
    const { inv, now } = run;
    const { db, room } = this.deps;
    const member = room.members(inv.roomId).find((m) => m.userId === inv.sender);
    const zone = run.view.settings.timezone;
    const feature = this.featureOf.get(command)!;
    const kernel: KernelView = {
      commands: () => this.index.all,
      roomData: () => [...this.deps.features.flatMap((f) => f.roomData ?? []), kernelRoomData, ...(this.deps.roomData ?? [])].map((part) => bindRoomData(part, db, inv.roomId, now, zone)),
      translator: (lang) => this.deps.texts.translator(lang),
      example: (command, line) => localExample(this.index, run.view.prefix, run.t.lang, command, line),
    };
    return {
      ...run.view,
      sender: { userId: inv.sender, name: member?.displayName || localpart(inv.sender) },
      level: levelOf(room.powerLevel(inv.roomId, inv.sender), inv.sender, this.deps.config.permissions),
      invocation: inv,
      slice: this.services.get(feature)!(db),
      jobs: roomJobs(db, inv.roomId, zone, now),
      person: (word) => resolvePerson(word, inv.roomId, room),
      members: () => room.members(inv.roomId),
      direct: room.isDirect?.(inv.roomId) ?? false,
      kernel,
      afterCommit: (action) => void run.afterCommit.add(action),
      elsewhere: elsewhereFrom(this.roomContextDeps(), run.key, now).of,
    };
  }

  /**
   * After a forget or a wipe: copies the committed pages into the database file and truncates the
   * write-ahead log, whose older frames still hold the erased rows (secure_delete zeroes them in the
   * pages). A reader holding the log open makes it a partial checkpoint; the next one finishes it.
   */
  private compact(): void {
    try {
      this.deps.db.pragma("wal_checkpoint(TRUNCATE)");
    } catch (err) {
      this.deps.log.error({ err: errorForLog(err) }, "could not checkpoint the database after an erasure");
    }
  }

  private authorize(command: AnyCommand, ctx: CommandContext, run: Run): void {
    if (ctx.level < command.level) throw new UserError("error.permission", { command: `${run.view.prefix}${this.index.displayName(command, run.t.lang)}` });
  }

  private rateLimit(command: AnyCommand, run: Run): void {
    const limit = command.rateLimit;
    if (!limit) return;
    const key = `${run.inv.roomId}\n${run.inv.sender}\n${limit.bucket}`;
    const max = limit.perHour(this.deps.config);
    if (this.limiter.count(key, run.now) >= max) throw new UserError(limit.refusal, { max });
    run.counted = key;
  }

  private enqueueReplies(inv: Invocation, replies: Doc[], replyToEventId: string, now: number): void {
    replies.forEach((reply, i) =>
      enqueue(
        this.deps.db,
        {
          roomId: inv.roomId,
          key: i === 0 ? inv.eventId : `${inv.eventId}/${i + 1}`,
          kind: "reply",
          doc: reply,
          replyToEventId,
          ...(inv.threadRootId ? { threadRootId: inv.threadRootId } : {}),
          ...(reply.ref ? { ref: reply.ref } : {}),
        },
        now,
      ),
    );
  }

  private unknown(reading: Reading, run: Run): Doc {
    const word = reading.tokens[0]?.value ?? "";
    const helpHint = p(...run.t.t("help.hint", { help: run.view.hint("help") }));
    if (!word) return doc(helpHint);
    // "!rol join facilitator": a typo in the first word of a longer name is shown with the words after it.
    const typo = reading.tokens.length > 1 ? typoOf(reading, 0) : undefined;
    if (typo) return doc(p(...run.t.t(typo.key, typo.params)), helpHint);
    const suggestions = this.index.closestNames(word.toLocaleLowerCase());
    const blocks = [p(...run.t.t("error.unknown", { command: `${run.view.prefix}${word}` }))];
    if (suggestions.length > 0) {
      blocks.push(p(...run.t.t("error.did_you_mean", { suggestions: suggestions.map((s) => `${run.view.prefix}${s}`).join(", ") })));
    }
    blocks.push(helpHint);
    return doc(...blocks);
  }

  private userError(err: UserError, command: AnyCommand, t: Translator): Doc {
    // A member's words come back as a short excerpt at most: a 100 KB argument gets a short answer.
    const params = Object.fromEntries(Object.entries(err.params).map(([k, v]) => [k, typeof v === "string" ? excerpt(v, 120) : v]));
    if (typeof params.arg === "string" && params.arg) params.arg = t.text(`arg.${params.arg}`);
    const message = p(...t.t(err.key, params));
    if (!err.withUsage) return doc(message);
    const prefix = this.deps.config.prefix;
    return doc(message, ...usageDoc(command, t, prefix, (line) => localExample(this.index, prefix, t.lang, command, line)).blocks);
  }
}

/** The first problem zod found, in the words of the catalog; `raw` holds what was typed for each argument. */
function zodToUserError(err: ZodError, raw: Record<string, unknown>): UserError {
  const issue = err.issues[0];
  const arg = String(issue?.path[0] ?? "");
  if (issue?.code === "too_big") {
    if (issue.origin === "number") return new UserError("error.arg.number", { arg, found: String(raw[arg]) }, true);
    return new UserError(issue.origin === "array" ? "error.arg.too_many" : "error.arg.too_long", { arg, max: Number(issue.maximum) }, true);
  }
  if (issue?.code === "too_small" && issue.origin === "number") return new UserError("error.arg.number", { arg, found: String(raw[arg]) }, true);
  if (issue?.code === "too_small") return new UserError("error.arg.missing", { arg }, true);
  return new UserError("error.arg.invalid", { arg }, true);
}
