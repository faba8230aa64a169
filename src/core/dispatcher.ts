import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { ZodError } from "zod";
import { translator, type Translator } from "../i18n/index.js";
import { errorForLog } from "../log.js";
import type { Db } from "../store/db.js";
import { markHandled } from "../store/handled-events.js";
import { deliveredMessage, enqueue } from "../store/outbox.js";
import { roomSettings } from "../store/room-settings.js";
import type { RoomView } from "../transport/port.js";
import { bindArgs } from "./binder.js";
import type { AnyCommand, CommandConfig, CommandContext } from "./command.js";
import { CommandIndex } from "./command-index.js";
import { doc, p, type Doc } from "./doc.js";
import { UserError } from "./errors.js";
import type { Invocation, Reaction } from "./invocation.js";
import { levelOf, type PermissionConfig } from "./level.js";
import { commandText, localpart, resolvePerson } from "./mentions.js";
import { tokenize } from "./tokenizer.js";
import { usageDoc } from "./usage.js";

export interface DispatcherDeps {
  db: Db;
  commands: AnyCommand[];
  room: RoomView;
  config: CommandConfig & { permissions: PermissionConfig };
  log: Logger;
  clock: () => number;
  /** Called after a reply was committed to the outbox, to wake the sender. */
  onEnqueued?: () => void;
}

export type Outcome = "ignored" | "duplicate" | "handled";

/**
 * Turns one message into at most one reply. Effects, the "handled" mark and the reply are written
 * in one transaction; the command itself runs in a nested savepoint, so a failing command leaves
 * no trace but its error reply.
 */
export class Dispatcher {
  private readonly index: CommandIndex;

  constructor(private readonly deps: DispatcherDeps) {
    this.index = new CommandIndex(deps.commands);
  }

  get commands(): CommandIndex {
    return this.index;
  }

  handle(inv: Invocation): Outcome {
    const prefix = this.deps.config.prefix;
    if (!inv.text.trimStart().startsWith(prefix) && !(inv.html ?? "").includes(prefix)) return "ignored";
    const text = commandText(inv, this.deps.room);
    if (!text.startsWith(prefix) || text.length === prefix.length) return "ignored";
    return this.commit(inv, text.slice(prefix.length), inv.eventId);
  }

  /**
   * A reaction to one of the bot's own messages runs the command line that message stands for, as
   * if the reactor had typed it; the reply answers the message reacted to, in its thread. Reactions
   * to anything else are ignored without a word.
   */
  handleReaction(reaction: Reaction): Outcome {
    const target = deliveredMessage(this.deps.db, reaction.roomId, reaction.relatesTo);
    const line = target?.ref === undefined ? undefined : this.reactionLine(target.ref);
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

  private reactionLine(ref: string): string | undefined {
    for (const command of this.deps.commands) {
      const line = command.reaction?.(ref);
      if (line !== undefined) return line;
    }
    return undefined;
  }

  /** One transaction: the "handled" mark (a redelivered event stops here), the effects and the replies. */
  private commit(inv: Invocation, line: string, replyToEventId: string): Outcome {
    const { db } = this.deps;
    const now = this.deps.clock();
    const outcome = db.transaction((): Outcome => {
      if (!markHandled(db, inv.eventId, inv.roomId, now)) return "duplicate";
      const replies = this.execute(inv, line, now);
      [replies].flat().forEach((reply, i) =>
        enqueue(
          db,
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
      return "handled";
    })();
    if (outcome === "handled") this.deps.onEnqueued?.();
    return outcome;
  }

  private execute(inv: Invocation, line: string, now: number): Doc | Doc[] {
    const settings = roomSettings(this.deps.db, inv.roomId, this.deps.config.defaults);
    const t = translator(settings.language);
    const tokens = tokenize(line);
    const match = this.index.find(tokens);
    const prefix = this.deps.config.prefix;
    if (!match) return this.unknown(tokens[0]?.value ?? "", t);

    const { command } = match;
    const member = this.deps.room.members(inv.roomId).find((m) => m.userId === inv.sender);
    const ctx: CommandContext = {
      db: this.deps.db,
      roomId: inv.roomId,
      sender: { userId: inv.sender, name: member?.displayName || localpart(inv.sender) },
      level: levelOf(this.deps.room.powerLevel(inv.roomId, inv.sender), inv.sender, this.deps.config.permissions),
      now,
      settings,
      t,
      room: this.deps.room,
      invocation: inv,
      config: this.deps.config,
      person: (word) => resolvePerson(word, inv.roomId, this.deps.room),
    };
    let raw: Record<string, unknown> = {};
    try {
      if (ctx.level < command.level) throw new UserError("error.permission", { command: `${prefix}${command.name}` });
      const argTokens = tokens.slice(match.consumed);
      raw = this.bindOrSuggest(command, argTokens, line, ctx);
      const args = command.args.parse(raw);
      return this.deps.db.transaction(() => command.run(args, ctx))();
    } catch (err) {
      if (err instanceof UserError) return this.userError(err, command, t);
      if (err instanceof ZodError) return this.userError(zodToUserError(err, raw), command, t);
      const ref = randomBytes(4).toString("hex");
      this.deps.log.error({ ref, command: command.name, err: errorForLog(err) }, "command failed");
      return doc(p(...t.t("error.unexpected", { ref })));
    }
  }

  private bindOrSuggest(command: AnyCommand, tokens: ReturnType<typeof tokenize>, line: string, ctx: CommandContext) {
    try {
      return bindArgs(command.params, tokens, line, ctx.person);
    } catch (err) {
      const sub = tokens[0] && !tokens[0].quoted ? this.index.closestSubcommand(command, tokens[0].value) : undefined;
      if (err instanceof UserError && sub) {
        throw new UserError("error.unknown_sub", { found: `${this.deps.config.prefix}${command.name} ${tokens[0]!.value}`, suggestion: `${this.deps.config.prefix}${sub}` });
      }
      throw err;
    }
  }

  private unknown(word: string, t: Translator): Doc {
    const prefix = this.deps.config.prefix;
    const suggestions = this.index.closestNames(word.toLocaleLowerCase());
    const blocks = [p(...t.t("error.unknown", { command: `${prefix}${word}` }))];
    if (suggestions.length > 0) {
      blocks.push(p(...t.t("error.did_you_mean", { suggestions: suggestions.map((s) => `${prefix}${s}`).join(", ") })));
    }
    blocks.push(p(...t.t("help.hint", { help: `${prefix}help` })));
    return doc(...blocks);
  }

  private userError(err: UserError, command: AnyCommand, t: Translator): Doc {
    const params = { ...err.params };
    if (typeof params.arg === "string" && params.arg) params.arg = t.text(`arg.${params.arg}`);
    const message = p(...t.t(err.key, params));
    if (!err.withUsage) return doc(message);
    return doc(message, ...usageDoc(command, t, this.deps.config.prefix).blocks);
  }
}

/** The first problem zod found, in the words of the catalog; `raw` holds what was typed for each argument. */
function zodToUserError(err: ZodError, raw: Record<string, unknown>): UserError {
  const issue = err.issues[0];
  const arg = String(issue?.path[0] ?? "");
  if (issue?.code === "too_big") {
    return new UserError(issue.origin === "array" ? "error.arg.too_many" : "error.arg.too_long", { arg, max: Number(issue.maximum) }, true);
  }
  if (issue?.code === "too_small" && issue.origin === "number") return new UserError("error.arg.number", { arg, found: String(raw[arg]) }, true);
  if (issue?.code === "too_small") return new UserError("error.arg.missing", { arg }, true);
  return new UserError("error.arg.invalid", { arg }, true);
}
