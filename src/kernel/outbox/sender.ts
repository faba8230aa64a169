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

/** How many rooms receive at once: enough that one room's slow send does not hold the others, few enough for rate limits. */
const ROOMS_AT_ONCE = 8;

/**
 * Delivers the outbox, each room in order, several rooms at once (a day of action's start calls
 * leave for every cell together, not one after the other). A message is marked sent only after the
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
      // A page's rooms are sent side by side; the next page waits for them, so each room stays in order.
      for (let page = pendingMessages(this.db); page.length > 0; page = pendingMessages(this.db, page.at(-1)!.id)) {
        const lanes = [...byRoom(page).values()];
        const sent = await eachAtMost(ROOMS_AT_ONCE, lanes, (lane) => this.sendLane(lane, now, blockedRooms));
        sentAny ||= sent.some(Boolean);
      }
      if (!sentAny) return;
    }
  }

  /** One room's messages of a page, in order, until one must wait; whether any was sent. */
  private async sendLane(lane: PendingMessage[], now: number, blockedRooms: Set<string>): Promise<boolean> {
    let sentAny = false;
    for (const message of lane) {
      if (blockedRooms.has(message.roomId) || this.transport.delivers?.(message.roomId) === false) break;
      if (message.nextAttemptAt > now) {
        blockedRooms.add(message.roomId);
        break;
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
    return sentAny;
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

/** The page's messages grouped by room, each group in queue order. */
function byRoom(page: PendingMessage[]): Map<string, PendingMessage[]> {
  const lanes = new Map<string, PendingMessage[]>();
  for (const message of page) {
    const lane = lanes.get(message.roomId);
    if (lane === undefined) lanes.set(message.roomId, [message]);
    else lane.push(message);
  }
  return lanes;
}

/** Runs `work` over `items` with at most `limit` running at once; the results in the items' order. */
async function eachAtMost<T, R>(limit: number, items: T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
