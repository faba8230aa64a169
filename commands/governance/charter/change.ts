import type { CharterRepo } from "./repository.js";

/** What an adopted proposal does to the charter. */
export type CharterChange =
  | { change: "amend"; article: number; title: string; body: string }
  | { change: "add"; title: string; body: string }
  | { change: "remove"; article: number };

/** Whether a change can still apply: an article amended or removed must still be there. */
export function charterChangeApplies(charter: CharterRepo, roomId: string, change: CharterChange): boolean {
  return change.change === "add" || charter.get(roomId, change.article) !== undefined;
}

/** Two changes that would do the same thing to the charter. */
export const sameCharterChange = (a: CharterChange, b: CharterChange): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies an adopted change. The article may have gone in the meantime (another amendment removed
 * it): then nothing changes, and the decision log still says what was decided.
 */
export function applyCharterChange(
  charter: CharterRepo,
  roomId: string,
  change: CharterChange,
  decision: number,
  now: number,
): void {
  if (change.change === "add") {
    charter.add(roomId, { title: change.title, body: change.body }, "add", decision, now);
    return;
  }
  const article = charter.get(roomId, change.article);
  if (!article) return;
  if (change.change === "amend") charter.amend(article, { title: change.title, body: change.body }, decision, now);
  else charter.remove(article, decision, now);
}
