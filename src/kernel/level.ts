/** Who may run a command. Moderator follows the room's power levels; admin comes from config. */
export const Level = { Member: 0, Moderator: 50, Admin: 100 } as const;
export type Level = (typeof Level)[keyof typeof Level];

export interface PermissionConfig {
  /** Power level at or above which a room member counts as moderator. */
  moderatorPowerLevel: number;
  /** User ids that may run every command in every room the bot is in. */
  admins: readonly string[];
}

export function levelOf(powerLevel: number, userId: string, config: PermissionConfig): Level {
  if (config.admins.includes(userId)) return Level.Admin;
  return powerLevel >= config.moderatorPowerLevel ? Level.Moderator : Level.Member;
}

/** For a day after recording something, its recorder may change it; a moderator may at any time. */
export const OWN_RECORD_WINDOW_MS = 24 * 3_600_000;

export function mayChangeRecord(
  record: { recordedBy: string; recordedAt: number },
  by: { userId: string; level: Level; now: number },
): boolean {
  const own = record.recordedBy === by.userId && by.now - record.recordedAt < OWN_RECORD_WINDOW_MS;
  return own || by.level >= Level.Moderator;
}
