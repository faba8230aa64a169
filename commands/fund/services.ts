import type { RoomSettingsView } from "../../src/kernel/command.js";
import { roomSettings } from "../../src/kernel/room-settings.js";
import type { Db } from "../../src/platform/db.js";
import { currentHolder } from "../rotation/index.js";
import { fundRepo } from "./repository.js";

export const REQUEST_NOTICE_KIND = "fund.request";
export const PLEDGE_REMINDER_KIND = "fund.pledges";
export const PAYOUT_EXPIRY_KIND = "fund.expiry";

/** What the fund's commands and posts work with. */
export function fundServices(db: Db) {
  const repo = fundRepo(db);
  return {
    repo,
    /** The cell's zone (a direct message has its own settings, so a cell is asked for its own). */
    zoneOf: (roomId: string, fallback: RoomSettingsView): string => roomSettings(db, roomId, fallback).timezone,
    /** Who keeps the cell's fund now: the holder of its keeper role (the treasurer by default), or null. */
    keeper(roomId: string, zone: string, now: number): string | null {
      return currentHolder(db, roomId, repo.room(roomId).keeperRole, zone, now);
    },
  };
}

export type FundSlice = ReturnType<typeof fundServices>;
