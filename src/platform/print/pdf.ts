import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type PDFKitDocument from "pdfkit";
import { FONT_FILES } from "./fonts.js";
import { isRightToLeft, visualRuns, type Script } from "./script-runs.js";

/** pdfkit takes ~30 MiB once loaded: only a Tandem that prints pays it, when it first prints. */
let PDFDocument: typeof PDFKitDocument | undefined;
const pdfkit = (): typeof PDFKitDocument =>
  (PDFDocument ??= createRequire(import.meta.url)("pdfkit") as typeof PDFKitDocument);

/**
 * A small printing service for features: a list for the wall, in large type, as PDF bytes. It knows
 * pages, type sizes and scripts; what is printed (and in which words) is the feature's.
 */
export type PageSize = "A3" | "A4";

export type PrintBlock =
  | { kind: "title"; text: string }
  /** A quieter line under the title: the date, the room. */
  | { kind: "subtitle"; text: string }
  /** A numbered entry, with an optional quieter note under it. */
  | { kind: "item"; number: number; text: string; note?: string }
  | { kind: "text"; text: string };

export interface PrintJob {
  size: PageSize;
  /** The PDF's title in its properties. */
  title: string;
  blocks: PrintBlock[];
}

/** Points of type: large enough to read from a step back; A4 scaled down from A3 by its side (1/√2). */
const TYPE = {
  A3: { title: 44, subtitle: 20, body: 24, note: 16, margin: 64 },
  A4: { title: 31, subtitle: 14, body: 17, note: 11, margin: 48 },
} as const;
const QUIET = "#555555";

const fontData = new Map<string, Buffer>();
const fontBytes = (path: string) => fontData.get(path) ?? fontData.set(path, readFileSync(path)).get(path)!;
const fontName = (script: Script, bold: boolean) => `${script}-${bold ? "bold" : "regular"}`;

/** Renders synchronously (a command renders inside its message's transaction). */
export function renderPdf(job: PrintJob): Buffer {
  const type = TYPE[job.size];
  const pdf = new (pdfkit())({
    size: job.size,
    margin: type.margin,
    info: { Title: job.title, Producer: "Tandem" },
    autoFirstPage: true,
  });
  // pdfkit writes through a Readable stream that would hand the bytes over only on a later tick;
  // every object it writes is ready at once (fonts are read and compressed synchronously), so the
  // header already buffered is read now and the rest is taken as it is pushed.
  const head = pdf.read() as Uint8Array | null;
  const chunks: Uint8Array[] = head ? [head] : [];
  let finished = false;
  (pdf as unknown as { push(chunk: Uint8Array | null): boolean }).push = (chunk) => {
    if (chunk === null) finished = true;
    else chunks.push(chunk);
    return true;
  };
  for (const script of Object.keys(FONT_FILES) as Script[]) {
    pdf.registerFont(fontName(script, false), fontBytes(FONT_FILES[script].regular));
    pdf.registerFont(fontName(script, true), fontBytes(FONT_FILES[script].bold));
  }
  for (const block of job.blocks) {
    switch (block.kind) {
      case "title":
        line(pdf, block.text, { size: type.title, bold: true });
        pdf.moveDown(0.2);
        break;
      case "subtitle":
        line(pdf, block.text, { size: type.subtitle, color: QUIET });
        break;
      case "text":
        pdf.moveDown(0.6);
        line(pdf, block.text, { size: type.body });
        break;
      case "item":
        pdf.moveDown(0.6);
        line(pdf, block.text, { size: type.body, number: block.number });
        if (block.note) line(pdf, block.note, { size: type.note, color: QUIET });
        break;
    }
  }
  pdf.end();
  if (!finished) throw new Error("the PDF was not finished synchronously");
  return Buffer.concat(chunks);
}

/** One paragraph: cut into runs of one script each, drawn in visual order, from the right for Arabic. */
function line(
  pdf: PDFKit.PDFDocument,
  text: string,
  style: { size: number; bold?: boolean; color?: string; number?: number },
): void {
  const rtl = isRightToLeft(text);
  const runs = visualRuns(text);
  if (style.number !== undefined) {
    if (rtl) runs.push({ script: "latin", text: ` ${style.number}.` });
    else runs.unshift({ script: "latin", text: `${style.number}. ` });
  }
  pdf.fillColor(style.color ?? "black");
  runs.forEach((run, i) => {
    const numberRun = style.number !== undefined && (rtl ? i === runs.length - 1 : i === 0);
    pdf.font(fontName(run.script, style.bold === true || numberRun)).fontSize(style.size);
    pdf.text(run.text, { continued: i < runs.length - 1, align: rtl ? "right" : "left" });
  });
}
