import type { OutgoingMessage } from "../../src/kernel/port.js";
import type { TestBot } from "./test-bot.js";

/**
 * Two Tandems (two test bots, two databases) meeting in one assembly room: the structured events
 * each one sends into the room are carried to the other, as the homeserver would, each once. The
 * end-to-end suite does the same over a real Synapse (test/e2e/federation.test.ts).
 */
export class HallRelay {
  private readonly carried = new Set<string>();
  /** Whether the carried events count as sent from a cross-signed device. */
  signedDevice = true;
  /** What the assembly's Tandem could do to an event on the way (a swapped key); unchanged by default. */
  rewrite: (content: Record<string, unknown>) => Record<string, unknown> = (content) => content;

  constructor(
    private readonly hall: string,
    private readonly a: { bot: TestBot; userId: string },
    private readonly b: { bot: TestBot; userId: string },
  ) {}

  /** The structured events `bot` sent into the room, in order. */
  eventsIn(bot: TestBot): OutgoingMessage[] {
    return bot.transport.sent.filter((m) => m.roomId === this.hall && m.doc.event);
  }

  /** Carries every event not carried yet, both ways, until both are quiet. */
  async relay(): Promise<void> {
    for (let moved = true; moved; ) {
      moved = false;
      for (const [from, to] of [
        [this.a, this.b],
        [this.b, this.a],
      ] as const) {
        await from.bot.sender.drain();
        for (const m of this.eventsIn(from.bot)) {
          const eventId = `$${from.userId}:${m.key}`;
          if (this.carried.has(eventId)) continue;
          this.carried.add(eventId);
          moved = true;
          to.bot.dispatcher.handleEvent({
            eventId,
            roomId: this.hall,
            sender: from.userId,
            type: m.doc.event!.type,
            content: this.rewrite(m.doc.event!.content),
            sentAt: to.bot.clock.now,
            signedDevice: this.signedDevice,
          });
        }
        await to.bot.sender.drain();
      }
    }
  }

  /** The Tandem `sender` crashed after sending and sends these events again to `to`: new event ids, the same content. */
  async resend(sender: string, to: TestBot, events: OutgoingMessage[]): Promise<void> {
    for (const m of events)
      to.dispatcher.handleEvent({
        eventId: `$resent:${m.key}`,
        roomId: this.hall,
        sender,
        type: m.doc.event!.type,
        content: m.doc.event!.content,
        sentAt: 0,
        signedDevice: true,
      });
    await to.sender.drain();
  }
}
