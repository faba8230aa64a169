/**
 * After every action, a decompression prompt: an invitation (a shared meal, an art build, a
 * moment of silence, a celebration…) and a question about how people are. Texts live in i18n
 * under `decompression.<id>`.
 */
export const DECOMPRESSION_PROMPTS = [
  "shared-meal",
  "art-build",
  "silence",
  "celebration",
  "walk",
  "song",
  "story-round",
] as const;
export type DecompressionPrompt = (typeof DECOMPRESSION_PROMPTS)[number];

/**
 * Picks among options with a caller-supplied number (a random integer, or a plan id in tests), but
 * never the previous choice, so the same prompt never comes twice in a row in a room.
 */
export function pickWithoutRepeat<T>(options: readonly T[], previous: T | null | undefined, pick: number): T {
  if (options.length === 0) throw new RangeError("nothing to pick from");
  const pool = options.length > 1 ? options.filter((o) => o !== previous) : options;
  const index = ((Math.trunc(pick) % pool.length) + pool.length) % pool.length;
  return pool[index] as T;
}

export function chooseDecompressionPrompt(previous: string | null | undefined, pick: number): DecompressionPrompt {
  return pickWithoutRepeat(DECOMPRESSION_PROMPTS, previous as DecompressionPrompt | null | undefined, pick);
}
