import type { RoomSettingsView } from "./command.js";
import { isLang } from "./i18n/catalog.js";
import type { Db } from "../platform/db.js";
import { perDb } from "../platform/per-db.js";

const statements = perDb((db) => ({
  get: db.prepare("SELECT language, timezone FROM room_settings WHERE room_id = ?"),
  upsertLanguage: db.prepare(
    `INSERT INTO room_settings (room_id, language, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (room_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
  ),
  upsertTimezone: db.prepare(
    `INSERT INTO room_settings (room_id, timezone, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (room_id) DO UPDATE SET timezone = excluded.timezone, updated_at = excluded.updated_at`,
  ),
}));

export function roomSettings(db: Db, roomId: string, defaults: RoomSettingsView): RoomSettingsView {
  const row = statements(db).get.get(roomId) as { language: string | null; timezone: string | null } | undefined;
  const language = row?.language && isLang(row.language) ? row.language : defaults.language;
  return { language, timezone: row?.timezone ?? defaults.timezone };
}

export function setRoomLanguage(db: Db, roomId: string, language: string, now: number): void {
  statements(db).upsertLanguage.run(roomId, language, now);
}

export function setRoomTimezone(db: Db, roomId: string, timezone: string, now: number): void {
  statements(db).upsertTimezone.run(roomId, timezone, now);
}
