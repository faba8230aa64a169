import type { Db } from "../../src/platform/db.js";
import { burstLessons } from "../lessons/index.js";
import { roomRhythmRepo } from "./repository.js";
import { effectiveTempo, nextPromptFocus, type PromptFocus, type TempoPhase } from "./rules/index.js";

/**
 * A room's rhythm as every feature sees it: tempo's own commands, the meeting opener (whose prompt
 * follows the phase) and the care-plan end post (whose decompression prompt must not repeat).
 */
export function roomRhythm(db: Db) {
  const repo = roomRhythmRepo(db);
  const phase = (roomId: string, now: number): TempoPhase => effectiveTempo(repo.tempo(roomId, now), now).phase;
  return {
    tempo: repo.tempo,
    setTempo: repo.setTempo,
    /** The room's phase now: a burst whose planned end has passed is already slow. */
    phase,
    /** The focus of the room's next prompt: follows the phase, never the previous one again, and is remembered. */
    takeFocus(roomId: string, now: number): PromptFocus {
      const focus = nextPromptFocus(phase(roomId, now), repo.lastFocus(roomId, now));
      repo.setLastFocus(roomId, focus, now);
      return focus;
    },
    lastDecompression: repo.lastDecompression,
    setLastDecompression: repo.setLastDecompression,
    /** Lessons remember when bursts start, to carry what one taught into the next. */
    lessons: burstLessons(db),
  };
}

export type RoomRhythm = ReturnType<typeof roomRhythm>;
