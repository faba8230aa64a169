import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Dispatcher } from "../../kernel/dispatcher.js";
import type { OutboxSender } from "../../kernel/outbox/sender.js";
import { renderPlain } from "../../kernel/render-plain.js";
import { saveAttachment } from "./files.js";
import type { OutgoingMessage, RoomMember, Transport } from "../../kernel/port.js";

const SERVER = "console";

export interface ConsoleOptions {
  user: string;
  room: string;
  /** Console names with moderator rights (power level 50). */
  moderators: readonly string[];
  /** Console names the room's memory holds from earlier runs (see `rememberedPeople`). */
  remembered?: readonly string[];
  output: Writable;
  /** Where files sent with messages are written (beside the database); without it, only their name is printed. */
  filesDir?: string;
  /** Typing in a direct chat with the bot (`--dm`) instead of the room. */
  direct?: boolean;
}

export const consoleUserId = (name: string) => `@${name}:${SERVER}`;
export const consoleRoomId = (name: string) => `!${name}:${SERVER}`;
/** A console name's direct chat with the bot; --room refuses a slash, so no room is mistaken for it. */
export const consoleDirectRoomId = (name: string) => `!dm/${name}:${SERVER}`;

/** The room a console session types in: its room, or with `--dm` the user's direct chat with the bot. */
export const consoleSessionRoomId = (o: Pick<ConsoleOptions, "user" | "room" | "direct">) =>
  o.direct ? consoleDirectRoomId(o.user) : consoleRoomId(o.room);

/**
 * The embedded default: one person types at a terminal (or a script pipes lines in) into one
 * room; replies come back as plain text. The members are the person typing and everyone the room
 * remembers from earlier runs, so `@bo` is the same bo who joined the rotation yesterday.
 */
export class ConsoleTransport implements Transport {
  private readonly members_ = new Map<string, RoomMember>();

  constructor(private readonly options: ConsoleOptions) {
    for (const name of options.remembered ?? []) this.addMember(name);
    this.addMember(options.user);
  }

  addMember(name: string): void {
    this.members_.set(consoleUserId(name), { userId: consoleUserId(name), displayName: name });
  }

  members(): RoomMember[] {
    return [...this.members_.values()];
  }

  powerLevel(_roomId: string, userId: string): number {
    return this.options.moderators.some((name) => consoleUserId(name) === userId) ? 50 : 0;
  }

  /** The console is one room: messages for the others wait until their own session. */
  delivers(roomId: string): boolean {
    return roomId === consoleSessionRoomId(this.options);
  }

  isDirect(roomId: string): boolean {
    return roomId.startsWith("!dm/");
  }

  async send(message: OutgoingMessage): Promise<void> {
    // Structured events are for other bots; a console has none to talk to.
    if (message.doc.event) return;
    const attachment = message.doc.attachment;
    const file =
      attachment && this.options.filesDir
        ? saveAttachment(this.options.filesDir, message.roomId, attachment, message.key)
        : attachment?.fileName;
    const caption = renderPlain(message.doc);
    // A file's caption is its name (what Matrix shows under it); here the path where it really is says more.
    const text = file === undefined ? caption : caption === attachment?.fileName ? file : `${caption}\n${file}`;
    await new Promise<void>((resolve, reject) =>
      this.options.output.write(`${text}\n`, (err) => (err ? reject(err) : resolve())),
    );
  }
}

/** Reads lines until end of input; each is a message from the console user. Resolves at the end. */
export async function runConsole(
  input: Readable,
  transport: ConsoleTransport,
  dispatcher: Dispatcher,
  sender: OutboxSender,
  options: { user: string; roomId: string; clock: () => number; typed?: () => void },
): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  const roomId = options.roomId;
  for await (const line of lines) {
    if (!line.trim()) continue;
    options.typed?.();
    dispatcher.handle({
      eventId: `$console-${randomUUID()}`,
      roomId,
      sender: consoleUserId(options.user),
      text: line,
      sentAt: options.clock(),
    });
    await sender.drain();
  }
  await sender.drain();
}
