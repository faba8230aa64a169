/**
 * What a member types is cleaned before anything reads or stores it: control characters (but
 * newlines), bidi overrides and isolates (which can make a stored name read differently from what
 * it is) and invisible characters (which would make "a\u2060na" a second Ana) are removed.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern removes
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const INVISIBLE = /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e]/g;

export function cleanInput(text: string): string {
  return text.replace(/\t/g, " ").replace(/\r\n?/g, "\n").replace(CONTROL, "").replace(BIDI, "").replace(INVISIBLE, "");
}

/**
 * The one key names are compared by: Unicode NFKC, then full case folding ("Álvaro", "ÁLVARO" and
 * "álvaro" are one person; "Straße" and "STRASSE" too), spaces collapsed. SQLite's lower() folds
 * only ASCII, so the key is computed here and stored with each row that holds a name.
 */
export function nameKey(name: string): string {
  // Upper then lower case gives full folding for the letters that differ (ß → SS → ss, ﬁ → FI → fi).
  return cleanInput(name)
    .normalize("NFKC")
    .toLocaleUpperCase("und")
    .toLocaleLowerCase("und")
    .normalize("NFKC")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The key forgetting matches names by, wider than `nameKey`: compatibility decomposition (NFKD),
 * every combining mark removed, full case folding. "Álvaro", "ÁLVARO" and "alvaro" typed by someone
 * without the accent on their keyboard are one person to forget. Only forgetting uses it: elsewhere
 * "José" and "Jose" may be two people, but a request to be forgotten must not miss either.
 */
export function forgetKey(name: string): string {
  return nameKey(name).normalize("NFKD").replace(/\p{M}/gu, "");
}

/** A reply quotes at most a short excerpt of what a member typed. */
export function excerpt(text: string, max = 60): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
