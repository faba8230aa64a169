export interface Token {
  value: string;
  /** Offsets in the tokenized text, so a command can take "the rest" verbatim. */
  start: number;
  end: number;
  quoted: boolean;
}

const SPACE = /[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;
const CLOSERS: Record<string, string> = { '"': '"', "“": "”", "„": "“", "«": "»", "‘": "’", "'": "'", "”": "”" };

/**
 * Splits a command line into words. Quotes group words only when they open a word and close one,
 * so apostrophes inside words ("Ana's", "don't") stay plain text. An unclosed quote runs to the end.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (SPACE.test(text[i]!)) {
      i++;
      continue;
    }
    const closer = CLOSERS[text[i]!];
    if (closer) {
      const close = findCloser(text, i + 1, closer);
      if (close !== -1 || text[i] !== "'") {
        const end = close === -1 ? text.length : close;
        tokens.push({
          value: text.slice(i + 1, end).trim(),
          start: i,
          end: Math.min(end + 1, text.length),
          quoted: true,
        });
        i = end + 1;
        continue;
      }
    }
    let j = i;
    while (j < text.length && !SPACE.test(text[j]!)) j++;
    tokens.push({ value: text.slice(i, j), start: i, end: j, quoted: false });
    i = j;
  }
  return tokens;
}

function findCloser(text: string, from: number, closer: string): number {
  for (let k = from; k < text.length; k++) {
    if (text[k] === closer && (k + 1 === text.length || SPACE.test(text[k + 1]!))) return k;
  }
  return -1;
}
