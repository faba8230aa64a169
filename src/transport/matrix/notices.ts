import type { Doc } from "../../kernel/doc.js";
import { enqueue } from "../../kernel/outbox/outbox.js";
import type { OutboxSender } from "../../kernel/outbox/sender.js";
import type { Db } from "../../platform/db.js";

/**
 * The transport's own notices (why the bot is silent in an unencrypted room, where an upgraded room
 * went) go through the outbox like every other message: durable, sent once per key, in order.
 */
export interface Notices {
  queue(roomId: string, key: string, doc: Doc): void;
  /** Sends what is queued; resolves once nothing due is left. */
  flush(): Promise<void>;
}

export function outboxNotices(db: Db, sender: Pick<OutboxSender, "drain">, clock: () => number): Notices {
  return {
    queue: (roomId, key, doc) => enqueue(db, { roomId, key, kind: "notice", doc }, clock()),
    flush: () => sender.drain(),
  };
}

/**
 * The one message the bot sends in plain text, and only into an unencrypted room: why it will not
 * answer there. The transport lets this key through where plain text is otherwise refused.
 */
export const unencryptedExplanationKey = (roomId: string): string => `unencrypted:${roomId}`;
