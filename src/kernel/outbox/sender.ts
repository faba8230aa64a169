import type { Logger } from "pino";
import { errorForLog } from "../../platform/log.js";
import type { Db } from "../../platform/db.js";
import { deliveredEventOf, markFailed, markRetry, markSent, pendingMessages } from "./outbox.js";
import type { Transport } from "../port.js";

/** Thrown by a transport when retrying cannot help (e.g. the bot is no longer in the room). */
export class PermanentSendError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = "PermanentSendError";
  }
}

const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * Delivers the outbox in order, one message at a time. A message is marked sent only after the
 * transport resolved; the transport sends it with the row's key as transaction id, so a crash
 * between sending and marking cannot produce a second copy.
 */
export class OutboxSender {
  private wake: (() => void) | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private serial: Promise<void> = Promise.resolve();

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
        for (const message of page) {
          if (blockedRooms.has(message.roomId) || this.transport.delivers?.(message.roomId) === false) continue;
          if (message.nextAttemptAt > now) {
            blockedRooms.add(message.roomId);
            continue;
          }
          try {
            const pollEventId = message.doc.endsPoll
              ? deliveredEventOf(this.db, message.roomId, message.doc.endsPoll)
              : undefined;
            const eventId = await this.transport.send(pollEventId ? { ...message, pollEventId } : message);
            markSent(this.db, message.id, this.clock(), eventId || undefined);
            sentAny = true;
          } catch (err) {
            // A message refused for good is set aside; one that may still go holds its room's queue.
            if (!(err instanceof PermanentSendError)) blockedRooms.add(message.roomId);
            this.recordFailure(message.id, message.attempts, err);
          }
        }
      }
      if (!sentAny) return;
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
