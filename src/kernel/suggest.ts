/** Edit distance where swapping two neighbouring letters ("joni" → "join") is one typo. Short inputs only. */
export function distance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest candidates within a distance that grows with the word's length. */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = word.length <= 4 ? 1 : 2;
  return [...new Set(candidates)]
    .map((c) => ({ c, d: Math.min(distance(word, c), c.startsWith(word) && word.length >= 3 ? 1 : Infinity) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((x) => x.c);
}
