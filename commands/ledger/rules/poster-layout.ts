/*
 * Where everything goes on the care poster, kept pure (no fonts, no pixels) so it is tested alone.
 * The poster honours everyone the same way: every name in one size, in alphabetical order of the
 * room's language, never ranked; a crowded month gets smaller columns, then a second image.
 */

export interface PosterInput {
  title: string;
  subtitle: string;
  /** Each kind of care with its totals already in words ("Cooking: 12 hours, €30"). */
  kinds: string[];
  namesHeading: string;
  names: string[];
  /** BCP 47 language of the room: decides the alphabetical order. */
  lang: string;
  /** Says "continued (2 of 3)" on the images after the first. */
  continued: (page: number, pages: number) => string;
}

export interface PosterText {
  x: number;
  y: number;
  size: number;
  text: string;
  bold: boolean;
  /** Right-to-left names are anchored at the right of their column and flow leftwards. */
  anchor: "start" | "middle" | "end";
  rtl: boolean;
}

export interface PosterPage {
  width: number;
  height: number;
  texts: PosterText[];
  /** The names on this image, whole and in order: its alternative text. */
  names: string[];
}

export const POSTER_WIDTH = 1200;
const MARGIN = 70;
/** Rows of names on one image: past this the month continues on another image. */
const ROWS_PER_PAGE = 20;
/** Average advance of a Noto Sans letter, in ems: enough to keep long names inside their column. */
const EM_PER_CHAR = 0.55;

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;

/** Whether a name reads right to left: its first letter decides (the Unicode bidi rule, simplified). */
export function isRightToLeft(text: string): boolean {
  for (const char of text) if (STRONG.test(char)) return RTL.test(char);
  return false;
}

/** One column for a few names, up to three for a crowd; the size follows, the same for every name. */
export function nameGrid(count: number): { columns: number; size: number } {
  if (count <= 10) return { columns: 1, size: 40 };
  if (count <= 30) return { columns: 2, size: 34 };
  return { columns: 3, size: 28 };
}

/** Cuts a name that would run into the next column; the digest text keeps it whole. */
export function fitName(name: string, maxChars: number): string {
  const chars = [...name];
  return chars.length <= maxChars
    ? name
    : `${chars
        .slice(0, Math.max(1, maxChars - 1))
        .join("")
        .trimEnd()}…`;
}

export function sortNames(names: readonly string[], lang: string): string[] {
  const collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });
  return [...new Set(names)].sort(collator.compare);
}

export function layoutPoster(input: PosterInput): PosterPage[] {
  const names = sortNames(input.names, input.lang);
  const { columns, size } = nameGrid(names.length);
  const perPage = columns * ROWS_PER_PAGE;
  const pageCount = Math.max(1, Math.ceil(names.length / perPage));
  const pages: PosterPage[] = [];
  for (let page = 0; page < pageCount; page++) {
    pages.push(
      layoutPage(input, names.slice(page * perPage, (page + 1) * perPage), { columns, size, page, pageCount }),
    );
  }
  return pages;
}

interface PageSpec {
  columns: number;
  size: number;
  page: number;
  pageCount: number;
}

const text = (
  x: number,
  y: number,
  size: number,
  value: string,
  bold = false,
  anchor: PosterText["anchor"] = "start",
): PosterText => ({
  x,
  y,
  size,
  text: value,
  bold,
  anchor,
  rtl: isRightToLeft(value),
});

function layoutPage(input: PosterInput, names: string[], spec: PageSpec): PosterPage {
  const texts: PosterText[] = [];
  const center = POSTER_WIDTH / 2;
  let y = MARGIN + 50;
  texts.push(text(center, y, 56, input.title, true, "middle"));
  y += 52;
  const subtitle = spec.page === 0 ? input.subtitle : input.continued(spec.page + 1, spec.pageCount);
  texts.push(text(center, y, 28, subtitle, false, "middle"));
  y += 40;
  if (spec.page === 0) {
    for (const kind of input.kinds) {
      y += 44;
      texts.push(
        text(
          center,
          y,
          30,
          fitName(kind, Math.floor((POSTER_WIDTH - 2 * MARGIN) / (30 * EM_PER_CHAR))),
          false,
          "middle",
        ),
      );
    }
    y += 40;
  }
  y += 50;
  texts.push(text(center, y, 34, input.namesHeading, true, "middle"));
  y += 20;
  const columnWidth = (POSTER_WIDTH - 2 * MARGIN) / spec.columns;
  const rowHeight = Math.round(spec.size * 1.6);
  const rows = Math.ceil(names.length / spec.columns);
  const maxChars = Math.floor((columnWidth - 24) / (spec.size * EM_PER_CHAR));
  names.forEach((name, i) => {
    // Down the first column, then the next: reading order stays alphabetical.
    const column = Math.floor(i / rows);
    const row = i % rows;
    const left = MARGIN + column * columnWidth;
    const fitted = fitName(name, maxChars);
    const rtl = isRightToLeft(fitted);
    const baseline = y + (row + 1) * rowHeight;
    if (spec.columns === 1) texts.push({ ...text(center, baseline, spec.size, fitted), anchor: "middle" });
    else
      texts.push({
        ...text(rtl ? left + columnWidth - 24 : left + 12, baseline, spec.size, fitted),
        anchor: rtl ? "end" : "start",
      });
  });
  const height = y + rows * rowHeight + MARGIN + 30;
  return { width: POSTER_WIDTH, height: Math.round(height), texts, names };
}
