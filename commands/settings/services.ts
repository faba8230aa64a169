import type { Lang } from "../../src/kernel/i18n/catalog.js";
import { setRoomLanguage, setRoomTimezone } from "../../src/kernel/room-settings.js";
import type { Db } from "../../src/platform/db.js";
import { charterOpening, proposalQuorum } from "../governance/index.js";
import { welcomeRepo } from "./welcome-repository.js";

/** The room's settings are the kernel's (every reply reads them); this feature is where members change them. */
export function settingsServices(db: Db) {
  return {
    setLanguage: (roomId: string, language: Lang, now: number) => setRoomLanguage(db, roomId, language, now),
    setTimezone: (roomId: string, timezone: string, now: number) => setRoomTimezone(db, roomId, timezone, now),
    /** Kept by governance, which counts proposals with it; set here with the room's other settings. */
    quorum: proposalQuorum(db),
    welcome: welcomeRepo(db),
    /** The charter's first article, which a newcomer's welcome quotes. */
    charterOpening: (roomId: string) => charterOpening(db, roomId),
  };
}

export type SettingsSlice = ReturnType<typeof settingsServices>;
