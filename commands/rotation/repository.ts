import { emptyRotation, type RotationState } from "./rules/index.js";
import { perDb } from "../../src/platform/per-db.js";

/** Enough history for `!rotation history` and a year of weekly terms; older entries are dropped. */
const HISTORY_KEPT = 300;

const statements = perDb((db) => ({
  get: db.prepare("SELECT state FROM rotation_state WHERE room_id = ?").pluck(),
  put: db.prepare(
    `INSERT INTO rotation_state (room_id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (room_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  ),
}));

export const rotationRepo = perDb((db) => {
  const s = statements(db);
  return {
    load(roomId: string): RotationState {
      const json = s.get.get(roomId) as string | undefined;
      return json ? (JSON.parse(json) as RotationState) : emptyRotation();
    },
    save(roomId: string, state: RotationState, now: number): void {
      const trimmed = { ...state, history: state.history.slice(-HISTORY_KEPT) };
      s.put.run(roomId, JSON.stringify(trimmed), now);
    },
  };
});
