import { initialTempo, type PromptFocus, type TempoState } from "./rules/index.js";
import { perDb } from "../../src/platform/per-db.js";

interface Row {
  phase: "burst" | "slow";
  phase_since: number;
  phase_until: number | null;
  last_decompression: string | null;
  last_focus: string | null;
}

const statements = perDb((db) => ({
  get: db.prepare(
    "SELECT phase, phase_since, phase_until, last_decompression, last_focus FROM room_rhythm WHERE room_id = ?",
  ),
  ensure: db.prepare("INSERT OR IGNORE INTO room_rhythm (room_id, phase_since, updated_at) VALUES (?, ?, ?)"),
  tempo: db.prepare(
    "UPDATE room_rhythm SET phase = ?, phase_since = ?, phase_until = ?, updated_at = ? WHERE room_id = ?",
  ),
  decompression: db.prepare("UPDATE room_rhythm SET last_decompression = ?, updated_at = ? WHERE room_id = ?"),
  focus: db.prepare("UPDATE room_rhythm SET last_focus = ?, updated_at = ? WHERE room_id = ?"),
  wipe: db.prepare("DELETE FROM room_rhythm WHERE room_id = ?"),
}));

/** A room's campaign tempo and the last prompts it saw. A room never seen is in a slow phase. */
export const roomRhythmRepo = perDb((db) => {
  const s = statements(db);
  const row = (roomId: string, now: number): Row => {
    s.ensure.run(roomId, now, now);
    return s.get.get(roomId) as Row;
  };
  return {
    tempo(roomId: string, now: number): TempoState {
      const r = row(roomId, now);
      return r ? { phase: r.phase, sinceUtc: r.phase_since, untilUtc: r.phase_until } : initialTempo(now);
    },
    setTempo(roomId: string, tempo: TempoState, now: number): void {
      row(roomId, now);
      s.tempo.run(tempo.phase, tempo.sinceUtc, tempo.untilUtc, now, roomId);
    },
    lastDecompression(roomId: string, now: number): string | null {
      return row(roomId, now).last_decompression;
    },
    setLastDecompression(roomId: string, id: string, now: number): void {
      row(roomId, now);
      s.decompression.run(id, now, roomId);
    },
    lastFocus(roomId: string, now: number): PromptFocus | null {
      return row(roomId, now).last_focus as PromptFocus | null;
    },
    setLastFocus(roomId: string, focus: PromptFocus, now: number): void {
      row(roomId, now);
      s.focus.run(focus, now, roomId);
    },
    wipe(roomId: string): void {
      s.wipe.run(roomId);
    },
  };
});
