import type { Logger } from "pino";
import { errorForLog } from "../../platform/log.js";
import type { Db } from "../../platform/db.js";
import { deliveredEventOf, markFailed, markRetry, markSent, type PendingMessage, pendingMessages } from "./outbox.js";
import type { Transport } from "../port.js";

/** Thrown by a transport when retrying cannot help (e.g. the bot is no longer in the room). */
export class PermanentSendError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = "PermanentSendError";
  }
}

const MAX_BACKOFF_MS = 5 * 60_000;

/** How many sends run at once: enough that one room's slow send does not hold the others, few enough for rate limits. */
const SENDS_AT_ONCE = 8;

/**
 * Delivers the outbox, several rooms at once (a day of action's start calls leave for every cell
 * together, not one after the other), in two orders: each room's messages in the order they were
 * queued, and the messages one event or one scheduled run queued in the order it queued them (a
 * reply saying "the assembly was told" leaves after the assembly's event). A message waits for the
 * one before it in either order to be sent or set aside, never for a retry. A message is marked
 * sent only after the transport resolved; the transport sends it with the row's key as transaction
 * id, so a crash between sending and marking cannot produce a second copy.
 */
export class OutboxSender {
  private wake: (() => void) | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private serial: Promise<void> = Promise.resolve();
  private readonly slots = new Slots(SENDS_AT_ONCE);

  constructor(
    private readonly db: Db,
    private readonly transport: Transport,
    private readonly log: Logger,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Sends everything due now; resolves when nothing due is left. Calls never overlap. */
  drain(): Promise<void> {
    this.serial = this.serial.then(() => this.drainOnce());
    return this.serial;
  }

  private async drainOnce(): Promise<void> {
    for (;;) {
      const now = this.clock();
      const blockedRooms = new Set<string>();
      let sentAny = false;
      // Paged to the end: a room stuck with many messages must not hide the rooms queued behind it.
      for (let page = pendingMessages(this.db); page.length > 0; page = pendingMessages(this.db, page.at(-1)!.id)) {
        const sent = await this.sendPage(page, now, blockedRooms);
        sentAny ||= sent.some(Boolean);
      }
      if (!sentAny) return;
    }
  }

  /** Each message once the one before it in its room and the one before it from its cause have settled. */
  private sendPage(page: PendingMessage[], now: number, blockedRooms: Set<string>): Promise<boolean[]> {
    const lastOfRoom = new Map<string, Promise<unknown>>();
    const lastOfCause = new Map<string, Promise<unknown>>();
    return Promise.all(
      page.map((message) => {
        const cause = causeOf(message.key);
        const sent = Promise.all([lastOfRoom.get(message.roomId), lastOfCause.get(cause)]).then(() =>
          this.sendOne(message, now, blockedRooms),
        );
        lastOfRoom.set(message.roomId, sent);
        lastOfCause.set(cause, sent);
        return sent;
      }),
    );
  }

  /** Sends one message unless its room must wait; whether it was sent. */
  private async sendOne(message: PendingMessage, now: number, blockedRooms: Set<string>): Promise<boolean> {
    if (blockedRooms.has(message.roomId) || this.transport.delivers?.(message.roomId) === false) return false;
    if (message.nextAttemptAt > now) {
      blockedRooms.add(message.roomId);
      return false;
    }
    await this.slots.take();
    try {
      const pollEventId = message.doc.endsPoll
        ? deliveredEventOf(this.db, message.roomId, message.doc.endsPoll)
        : undefined;
      const eventId = await this.transport.send(pollEventId ? { ...message, pollEventId } : message);
      markSent(this.db, message.id, this.clock(), eventId || undefined);
      return true;
    } catch (err) {
      // A message refused for good is set aside; one that may still go holds its room's queue.
      if (!(err instanceof PermanentSendError)) blockedRooms.add(message.roomId);
      this.recordFailure(message.id, message.attempts, err);
      return false;
    } finally {
      this.slots.give();
    }
  }

  private recordFailure(id: number, attempts: number, err: unknown): void {
    const code = err instanceof Error ? ((err as { errcode?: string }).errcode ?? err.name) : "unknown";
    if (err instanceof PermanentSendError) {
      markFailed(this.db, id, this.clock(), err.code);
      this.log.error({ outboxId: id, code: err.code }, "message cannot be delivered; marked failed in the outbox");
      return;
    }
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** attempts);
    markRetry(this.db, id, this.clock() + delay, code);
    this.log.warn({ outboxId: id, code, retryInMs: delay }, "send failed; will retry");
  }

  /** Wakes the background loop (after a reply was enqueued). */
  notify(): void {
    this.wake?.();
  }

  start(pollMs = 1000): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        try {
          await this.drain();
        } catch (err) {
          this.log.error({ err: errorForLog(err) }, "outbox loop failed");
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}

/**
 * What queued a message: the event or scheduled run its key starts with (`$event`, `$event/2`,
 * `$event/to/1`, `job:3:1700000000000/2`), so that what one cause queued leaves in its order.
 */
function causeOf(key: string): string {
  const slash = key.indexOf("/");
  return slash === -1 ? key : key.slice(0, slash);
}

/** A counting semaphore: at most `free` holders at once, the others waiting in turn. */
class Slots {
  private readonly waiting: (() => void)[] = [];

  constructor(private free: number) {}

  take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
