import type { CharterRepo } from "./repository.js";

/** What an adopted proposal does to the charter. */
export type CharterChange =
  | { change: "amend"; article: number; title: string; body: string }
  | { change: "add"; title: string; body: string }
  | { change: "remove"; article: number };

/**
 * Applies an adopted change. The article may have gone in the meantime (another amendment removed
 * it): then nothing changes, and the decision log still says what was decided.
 */
export function applyCharterChange(charter: CharterRepo, roomId: string, change: CharterChange, decision: number, now: number): void {
  if (change.change === "add") {
    charter.add(roomId, { title: change.title, body: change.body }, "add", decision, now);
    return;
  }
  const article = charter.get(roomId, change.article);
  if (!article) return;
  if (change.change === "amend") charter.amend(article, { title: change.title, body: change.body }, decision, now);
  else charter.remove(article, decision, now);
}
