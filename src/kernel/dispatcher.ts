import { randomBytes } from "node:crypto";
import { tracingChannel } from "node:diagnostics_channel";
import type { Logger } from "pino";
import { ZodError } from "zod";
import type { Db } from "../platform/db.js";
import { errorForLog } from "../platform/log.js";
import { perDb } from "../platform/per-db.js";
import type {
  AfterCommit,
  AnyCommand,
  Capabilities,
  Capability,
  CommandConfig,
  CoreContext,
  RenderContext,
} from "./command.js";
import { CommandIndex } from "./command-index.js";
import { doc, p, type Doc } from "./doc.js";
import { UserError, wordsOf } from "./errors.js";
import type { AnyFeature, EventHandler, Invoke } from "./feature.js";
import { elsewhereFrom } from "./elsewhere.js";
import { renderContextFor, type RoomContextDeps } from "./room-context.js";
import { markHandled } from "./handled-events.js";
import type { Texts, Translator } from "./i18n/index.js";
import type { IncomingEvent, Invocation, MemberJoin, PollAnswer, Reaction } from "./invocation.js";
import { kernelRoomData } from "./kernel-room-data.js";
import { levelOf, type PermissionConfig } from "./level.js";
import { commandLine } from "./command-line.js";
import { localpart, resolvePerson } from "./mentions.js";
import { deliveredMessage, enqueue } from "./outbox/outbox.js";
import { bindMatch, chooseMatch, typoOf, type Reading } from "./matching.js";
import { argsSchema, labelKey } from "./params.js";
import { readWhen } from "./time/read.js";
import type { RoomMember, RoomView } from "./port.js";
import { RateLimiter } from "./rate-limiter.js";
import { bindRoomData, type OutsideData, type RoomDataPart } from "./room-data.js";
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
  /** What transports keep outside the database, erased after a forget or a wipe committed. */
  outside?: readonly OutsideData[];
}

export type Outcome = "ignored" | "duplicate" | "handled";

/** Node's diagnostics_channel for each message's handling (see `handling`). */
export const HANDLING_CHANNEL = "tandem:handle";

/**
 * Each message's handling, synchronous, for tools that watch the process from inside it (the
 * backup-flow bench's probe): the bot ships as one bundled module, where patching a prototype from
 * outside reaches nothing. Subscribers get an empty context: nothing of the message crosses.
 */
const handling = tracingChannel<object, object>(HANDLING_CHANNEL);

/** A bound command and the feature whose slice it runs with (a command only reactions run is listed nowhere else). */
type Target = Invoke & { feature: AnyFeature };

/** What the stages pass on: the message, and what the earlier stages learned about it. */
interface Run {
  inv: Invocation;
  /** The typed line without its prefix, or the command a reaction or a poll answer stands for. */
  what: string | Target;
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
      this.services.set(
        feature,
        perDb((db) => feature.services(db)),
      );
      for (const [type, handler] of Object.entries(feature.events ?? {})) {
        if (this.eventHandlers.has(type)) throw new Error(`two features read the event type ${type}`);
        this.eventHandlers.set(type, { handler: handler as EventHandler, feature });
      }
    }
    this.index = new CommandIndex([...this.featureOf.keys()]);
  }

  /** Whether this Tandem hosts the room for others (see `Feature.hosts`): its messages there carry the host mark. */
  hostsRoom(roomId: string): boolean {
    return this.deps.features.some((f) => f.hosts?.(this.deps.db, roomId));
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
    // The transport's own signals speak in the room; in another bot's room this one stays silent.
    if (event.local && this.deps.features.some((f) => f.othersRoom?.(db, event.roomId))) return "ignored";
    const now = this.deps.clock();
    let posted = 0;
    const outcome = db.transaction((): Outcome => {
      if (!markHandled(db, event.eventId, event.roomId, now)) return "duplicate";
      const elsewhere = elsewhereFrom(this.roomContextDeps(), event.eventId, now);
      try {
        const keepsData = () => this.roomDataParts().some((part) => part.countRoom(db, event.roomId) > 0);
        db.transaction(() =>
          entry.handler({
            event,
            now,
            slice: this.services.get(entry.feature)!(db),
            elsewhere: elsewhere.of,
            keepsData,
          }),
        )();
        posted = elsewhere.posted();
      } catch (err) {
        this.deps.log.error({ type: event.type, err: errorForLog(err) }, "structured event not handled");
      }
      return "handled";
    })();
    if (posted > 0) this.deps.onEnqueued?.();
    return outcome;
  }

  /**
   * Someone joined a room: each feature that greets newcomers may post, as a notice, in one
   * transaction with the "handled" mark. Bots (this one, another Tandem) are not greeted, nor is
   * anyone in a room of another Tandem. A feature that fails is logged and posts nothing.
   */
  handleJoin(join: MemberJoin): Outcome {
    const { db, room } = this.deps;
    const greeters = this.deps.features.filter((f) => f.joined);
    if (greeters.length === 0 || this.deps.features.some((f) => f.othersRoom?.(db, join.roomId))) return "ignored";
    if (join.userId === room.self?.() || this.isBot(join.roomId, join.userId)) return "ignored";
    const now = this.deps.clock();
    let posted = 0;
    const outcome = db.transaction((): Outcome => {
      const view = renderContextFor(this.roomContextDeps(), join.roomId, now);
      const zone = view.settings.timezone;
      const greetings = greeters.flatMap((feature) => {
        try {
          const message = db.transaction(() =>
            feature.joined!({
              ...view,
              member: { userId: join.userId, name: join.displayName || localpart(join.userId) },
              slice: this.services.get(feature)!(db),
              jobs: roomJobs(db, join.roomId, zone, now),
              people: () => this.people(join.roomId),
              levelOf: (userId) => levelOf(room.powerLevel(join.roomId, userId), userId, this.deps.config.permissions),
            }),
          )();
          return message ? [{ feature, message }] : [];
        } catch (err) {
          this.deps.log.error({ feature: feature.name, err: errorForLog(err) }, "a join was not greeted");
          return [];
        }
      });
      // A join nobody greets leaves no trace; one greeted is marked, so a redelivery greets no one twice.
      if (greetings.length === 0) return "ignored";
      if (!markHandled(db, join.eventId, join.roomId, now)) return "duplicate";
      for (const { feature, message } of greetings) {
        enqueue(
          db,
          {
            roomId: join.roomId,
            key: `${join.eventId}/${feature.name}`,
            kind: "notice",
            doc: fitToEvent(message, view.t),
          },
          now,
        );
      }
      posted = greetings.length;
      return "handled";
    })();
    if (posted > 0) this.deps.onEnqueued?.();
    return outcome;
  }

  private isBot(roomId: string, userId: string): boolean {
    return this.deps.features.some((f) => f.bots?.(this.deps.db, roomId).includes(userId));
  }

  private roomContextDeps(): RoomContextDeps {
    return {
      db: this.deps.db,
      texts: this.deps.texts,
      index: this.index,
      prefix: this.deps.config.prefix,
      defaults: this.deps.config.defaults,
      room: this.deps.room,
    };
  }

  handle(inv: Invocation): Outcome {
    if (!handling.hasSubscribers) return this.handleMessage(inv);
    return handling.traceSync(() => this.handleMessage(inv), {});
  }

  private handleMessage(inv: Invocation): Outcome {
    const line = commandLine(inv, this.deps.room, this.deps.config.prefix);
    if (line !== undefined) return this.commit(inv, line, inv.eventId);
    return inv.replyTo === undefined ? "ignored" : this.handleReply(inv, inv.replyTo);
  }

  /** Words in reply to one of the bot's messages run what that message's feature says they stand for, if anything. */
  private handleReply(inv: Invocation, replyTo: string): Outcome {
    const message = deliveredMessage(this.deps.db, inv.roomId, replyTo);
    const text = cleanInput(inv.text).trim();
    const target = text === "" ? undefined : this.targetOf(message?.ref, (f, ref) => f.reply?.(ref, text));
    return target ? this.commit(inv, target, inv.eventId) : "ignored";
  }

  /**
   * A reaction to one of the bot's own messages runs the command that message's feature says it
   * stands for, for the reactor; the reply answers the message reacted to, in its thread. Reactions
   * to anything else are ignored without a word.
   */
  handleReaction(reaction: Reaction): Outcome {
    const message = deliveredMessage(this.deps.db, reaction.roomId, reaction.relatesTo);
    const target = this.targetOf(message?.ref, (f, ref) => f.reaction?.(ref, reaction.key));
    if (!target) return "ignored";
    const inv: Invocation = {
      eventId: reaction.eventId,
      roomId: reaction.roomId,
      sender: reaction.sender,
      text: "",
      sentAt: reaction.sentAt,
      ...(message?.threadRootId ? { threadRootId: message.threadRootId } : {}),
    };
    return this.commit(inv, target, reaction.relatesTo);
  }

  /**
   * An answer to one of the bot's polls runs, quietly, the command the poll's feature says it
   * stands for (a vote): members answered in their client and expect no message back.
   */
  handlePollAnswer(answer: PollAnswer): Outcome {
    const message = deliveredMessage(this.deps.db, answer.roomId, answer.pollEventId);
    const target = this.targetOf(message?.ref, (f, ref) => f.pollAnswer?.(ref, answer.answerIds));
    if (!target) return "ignored";
    const inv: Invocation = {
      eventId: answer.eventId,
      roomId: answer.roomId,
      sender: answer.sender,
      text: "",
      sentAt: answer.sentAt,
    };
    return this.commit(inv, target, answer.pollEventId, { quiet: true });
  }

  /** The first feature's reading of what a reaction or an answer to a message about `ref` stands for. */
  private targetOf(
    ref: string | undefined,
    read: (feature: AnyFeature, ref: string) => Invoke | undefined,
  ): Target | undefined {
    if (ref === undefined) return undefined;
    for (const feature of this.deps.features) {
      const invoked = read(feature, ref);
      if (invoked) return { ...invoked, feature };
    }
    return undefined;
  }

  /** One transaction: the "handled" mark (a redelivered event stops here), the effects and the replies. */
  private commit(
    inv: Invocation,
    what: string | Target,
    replyToEventId: string,
    options: { quiet?: boolean } = {},
  ): Outcome {
    const { db } = this.deps;
    if (this.deps.features.some((f) => f.othersRoom?.(db, inv.roomId))) return "ignored";
    const now = this.deps.clock();
    let counted: string | undefined;
    let afterCommit = new Set<AfterCommit>();
    const outcome = db.transaction((): Outcome => {
      if (!markHandled(db, inv.eventId, inv.roomId, now)) return "duplicate";
      const run = this.begin(inv, what, now);
      const replies = [this.execute(run)].flat().map((reply) => fitToEvent(reply, run.t));
      counted = run.counted;
      afterCommit = run.afterCommit;
      if (!options.quiet) this.enqueueReplies(inv, replies, replyToEventId, now);
      return "handled";
    })();
    if (counted) this.limiter.record(counted, now);
    if (afterCommit.has("compact")) this.compact();
    for (const action of afterCommit) if (action !== "compact") this.eraseOutside(inv.roomId, action);
    if (outcome === "handled") this.deps.onEnqueued?.();
    return outcome;
  }

  private begin(inv: Invocation, what: string | Target, now: number): Run {
    const view: RenderContext = renderContextFor(this.roomContextDeps(), inv.roomId, now);
    return { inv, what, now, t: view.t, view, afterCommit: new Set(), key: inv.eventId };
  }

  /** A typed line is read (tokenized, matched, bound); a reaction's or an answer's command comes bound. */
  private execute(run: Run): Doc | Doc[] {
    const { what } = run;
    if (typeof what !== "string") return this.runCommand(run, what.command, what.feature, () => ({ ...what.args }));
    const tokens = tokenize(what);
    const reading: Reading = {
      index: this.index,
      tokens,
      line: what,
      resolve: (word) => resolvePerson(word, run.inv.roomId, this.deps.room),
      lang: run.t.lang,
      readWhen: (text) => readWhen(text, run.view),
      prefix: run.view.prefix,
    };
    const match = chooseMatch(this.index.find(tokens), reading);
    if (!match) return this.unknown(reading, run);
    return this.runCommand(run, match.command, this.featureOf.get(match.command)!, () => bindMatch(match, reading));
  }

  /** authorize → rate-limit → bind → run (in a savepoint) → render; a failure becomes its reply. */
  private runCommand(
    run: Run,
    command: AnyCommand,
    feature: AnyFeature,
    bind: () => Record<string, unknown>,
  ): Doc | Doc[] {
    let raw: Record<string, unknown> = {};
    try {
      const ctx = this.context(command, feature, run);
      this.authorize(command, ctx, run);
      this.rateLimit(command, run);
      raw = bind();
      const args = argsSchema(command.params).parse(raw);
      const result: unknown = this.deps.db.transaction(() => command.run(args, ctx))();
      return command.render(result, run.view);
    } catch (err) {
      run.counted = undefined;
      run.afterCommit.clear();
      if (err instanceof UserError) return this.userError(err, command, run.view);
      if (err instanceof ZodError) return this.userError(zodToUserError(err, raw), command, run.view);
      const ref = randomBytes(4).toString("hex");
      this.deps.log.error({ ref, command: command.name, err: errorForLog(err) }, "command failed");
      return doc(p(...run.t.t("error.unexpected", { ref })));
    }
  }

  /** The core every command gets, and only the capabilities this command names in `uses`. */
  private context(command: AnyCommand, feature: AnyFeature, run: Run): CoreContext & Partial<Capabilities> {
    const { inv } = run;
    const { db, room } = this.deps;
    const core: CoreContext = {
      ...run.view,
      sender: { ...run.view.personOf(inv.sender), userId: inv.sender },
      level: levelOf(room.powerLevel(inv.roomId, inv.sender), inv.sender, this.deps.config.permissions),
      slice: this.services.get(feature)!(db),
    };
    const uses: readonly Capability[] = command.uses ?? [];
    return Object.assign(core, ...uses.map((name) => ({ [name]: this.capability(name, run) })));
  }

  private capability(name: Capability, run: Run): Capabilities[Capability] {
    const { inv, now } = run;
    const { db, room } = this.deps;
    const zone = run.view.settings.timezone;
    switch (name) {
      case "jobs":
        return roomJobs(db, inv.roomId, zone, now);
      case "room":
        return {
          person: (word) => resolvePerson(word, inv.roomId, room),
          people: () => this.people(inv.roomId),
          direct: room.isDirect?.(inv.roomId) ?? false,
        };
      case "invocation":
        return inv;
      case "kernel":
        return {
          commands: () => this.index.all,
          roomData: () => this.roomDataParts().map((part) => bindRoomData(part, db, inv.roomId, now, zone)),
          translator: (lang) => this.deps.texts.translator(lang),
          examples: (command) => command.examples[run.t.lang].map((line) => `${run.view.prefix}${line}`),
          afterCommit: (action) => void run.afterCommit.add(action),
        };
      case "elsewhere":
        return elsewhereFrom(this.roomContextDeps(), run.key, now).of;
    }
  }

  private people(roomId: string): RoomMember[] {
    const bots = new Set(this.deps.features.flatMap((f) => f.bots?.(this.deps.db, roomId) ?? []));
    const self = this.deps.room.self?.();
    if (self !== undefined) bots.add(self);
    return this.deps.room.members(roomId).filter((m) => !bots.has(m.userId));
  }

  private roomDataParts(): RoomDataPart[] {
    return [...this.deps.features.flatMap((f) => f.roomData ?? []), kernelRoomData, ...(this.deps.roomData ?? [])];
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

  /** Each store outside the database is erased on its own: one that fails does not keep the others. */
  private eraseOutside(roomId: string, action: Exclude<AfterCommit, "compact">): void {
    for (const store of this.deps.outside ?? []) {
      try {
        if (action === "wipe") store.wipeRoom(roomId);
        else store.forgetPerson(roomId, action.forget);
      } catch (err) {
        this.deps.log.error({ err: errorForLog(err) }, "could not erase what a transport keeps outside the database");
      }
    }
  }

  private authorize(command: AnyCommand, ctx: CoreContext, run: Run): void {
    if (ctx.level < command.level)
      throw new UserError("error.permission", {
        command: `${run.view.prefix}${this.index.displayName(command, run.t.lang)}`,
      });
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
    const suggestions = this.index.closestNames(word.toLocaleLowerCase(), run.t.lang);
    const blocks = [p(...run.t.t("error.unknown", { command: `${run.view.prefix}${word}` }))];
    if (suggestions.length > 0) {
      blocks.push(
        p(
          ...run.t.t("error.did_you_mean", {
            suggestions: suggestions.map((s) => `${run.view.prefix}${s}`).join(", "),
          }),
        ),
      );
    }
    blocks.push(helpHint);
    return doc(...blocks);
  }

  private userError(err: UserError, command: AnyCommand, view: RenderContext): Doc {
    const { t } = view;
    // A member's words come back as a short excerpt at most: a 100 KB argument gets a short answer.
    const params = Object.fromEntries(
      Object.entries(wordsOf(err, view)).map(([k, v]) => [k, typeof v === "string" ? excerpt(v, 120) : v]),
    );
    if (typeof params.arg === "string" && params.arg) params.arg = t.text(labelKey(command.params, params.arg));
    const message = p(...t.t(err.key, params));
    if (!err.withUsage) return doc(message);
    const prefix = this.deps.config.prefix;
    return doc(message, ...usageDoc(command, t, prefix).blocks);
  }
}

/** The first problem zod found, in the words of the catalog; `raw` holds what was typed for each argument. */
function zodToUserError(err: ZodError, raw: Record<string, unknown>): UserError {
  const issue = err.issues[0];
  const arg = String(issue?.path[0] ?? "");
  if (issue?.code === "too_big") {
    // Digits beyond any number in use (`!decision 99999999999999999999`, `!vote 99999999999999999999 agree`,
    // where a code may be a number) name nothing: said once here for every parameter.
    if (issue.origin === "number" || issue.origin === "int" || /^#?\d+$/.test(String(raw[arg])))
      return new UserError("error.arg.no_such", { arg });
    return new UserError(
      issue.origin === "array" ? "error.arg.too_many" : "error.arg.too_long",
      { arg, max: Number(issue.maximum) },
      true,
    );
  }
  if (issue?.code === "too_small" && issue.origin === "number")
    return new UserError("error.arg.number", { arg, found: String(raw[arg]) }, true);
  if (issue?.code === "too_small") return new UserError("error.arg.missing", { arg }, true);
  return new UserError("error.arg.invalid", { arg }, true);
}
