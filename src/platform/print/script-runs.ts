/**
 * pdfkit has no font fallback and no bidirectional layout: a line holding a Latin name and an
 * Arabic one must be cut into runs, each drawn with the font that has its letters, and a line that
 * starts in Arabic must be laid out from the right. This is that cutting, kept pure for tests.
 */
export type Script = "latin" | "arabic";

export interface Run {
  script: Script;
  text: string;
}

/** Arabic letters and their presentation forms; Noto Sans has Latin, Greek and Cyrillic. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/u;
/** Letters of either script: what decides a run. Spaces, digits and punctuation go with their neighbours. */
const STRONG = /[\p{L}\p{M}]/u;

export const scriptOf = (char: string): Script | undefined =>
  ARABIC.test(char) ? "arabic" : STRONG.test(char) ? "latin" : undefined;

/** The text cut where the script changes; neutral characters join the run they follow. */
export function scriptRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const char of text) {
    const script = scriptOf(char) ?? runs.at(-1)?.script ?? firstScript(text);
    const last = runs.at(-1);
    if (last && last.script === script) last.text += char;
    else runs.push({ script, text: char });
  }
  return runs;
}

function firstScript(text: string): Script {
  for (const char of text) {
    const script = scriptOf(char);
    if (script) return script;
  }
  return "latin";
}

/** The paragraph's direction, from its first letter (the Unicode bidi rule P2, simplified). */
export const isRightToLeft = (text: string): boolean => firstScript(text) === "arabic";

/**
 * Runs in the order they are drawn left to right. Each Arabic run is shaped and mirrored by fontkit
 * itself; a right-to-left paragraph also draws its runs from the last to the first.
 */
export function visualRuns(text: string): Run[] {
  const runs = scriptRuns(text);
  if (!isRightToLeft(text)) return runs;
  const drawn = [...runs].reverse();
  return drawn.map((run, i) => {
    const next = drawn[i + 1];
    const spaced = next !== undefined && (/^\s/u.test(run.text) || /\s$/u.test(next.text));
    return { script: run.script, text: run.text.trim() + (spaced ? " " : "") };
  });
}
