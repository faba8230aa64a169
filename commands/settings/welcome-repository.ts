import type { Db } from "../../src/platform/db.js";
import { perDb } from "../../src/platform/per-db.js";

export interface Welcome {
  enabled: boolean;
  /** The cell's own words; null for Tandem's. */
  text: string | null;
}

const statements = perDb((db) => ({
  get: db.prepare("SELECT enabled, text FROM room_welcome WHERE room_id = ?"),
  setEnabled: db.prepare(
    `INSERT INTO room_welcome (room_id, enabled, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (room_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at`,
  ),
  setText: db.prepare(
    `INSERT INTO room_welcome (room_id, text, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (room_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  ),
}));

/** Each room's welcome for newcomers: off until the cell turns it on, in Tandem's words until it writes its own. */
export const welcomeRepo = perDb((db: Db) => {
  const s = statements(db);
  return {
    get(roomId: string): Welcome {
      const row = s.get.get(roomId) as { enabled: number; text: string | null } | undefined;
      return { enabled: row?.enabled === 1, text: row?.text ?? null };
    },
    setEnabled: (roomId: string, enabled: boolean, now: number) => void s.setEnabled.run(roomId, enabled ? 1 : 0, now),
    setText: (roomId: string, text: string | null, now: number) => void s.setText.run(roomId, text, now),
  };
});
