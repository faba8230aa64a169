/**
 * Whose devices the homeserver lately said changed (each /sync's `device_lists.changed`, read as
 * the response arrives, before the sdk asks for the new keys). The sender guard waits for a key
 * query only for those people. matrix-js-sdk's one way to wait, `getUserDeviceInfo`, also lists
 * every user the bot tracks and converts each of the person's devices into WASM objects the sdk
 * leaves to the garbage collector, their memory held until it runs: about 20 a message in the
 * floor bench, and one more for every person the bot shares a room with (bench/README.md).
 */
export const CHANGE_WINDOW_MS = 60_000;

interface SyncWithDeviceLists {
  device_lists?: { changed?: unknown };
}

export class DeviceListChanges {
  private readonly changedAt = new Map<string, number>();
  private readonly startedAt: number;

  constructor(private readonly clock: () => number) {
    this.startedAt = clock();
  }

  /** Notes who a /sync response says changed devices. */
  noteSync(body: unknown): void {
    const changed = (body as SyncWithDeviceLists | null)?.device_lists?.changed;
    const now = this.clock();
    for (const [userId, at] of this.changedAt) if (now - at >= CHANGE_WINDOW_MS) this.changedAt.delete(userId);
    if (!Array.isArray(changed)) return;
    for (const userId of changed) if (typeof userId === "string") this.changedAt.set(userId, now);
  }

  /**
   * Whether a query of the person's keys may still be under way: her devices changed within the
   * window, or the bot started within it (the crypto store queries the lists it left outdated again).
   * A query the sdk delays beyond the window is not waited for; the wait was only ever a second.
   */
  mayBePending(userId: string): boolean {
    const now = this.clock();
    if (now - this.startedAt < CHANGE_WINDOW_MS) return true;
    const at = this.changedAt.get(userId);
    return at !== undefined && now - at < CHANGE_WINDOW_MS;
  }
}
